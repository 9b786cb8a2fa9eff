import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  main
} from "./chunks/chunk-4RNWEWFS.js";
import "./chunks/chunk-GRGVIBK6.js";
import "./chunks/chunk-5LVJ7XEU.js";
import "./chunks/chunk-TZFQ7CC2.js";
import "./chunks/chunk-WKZJ5HY4.js";
import "./chunks/chunk-KZBIBZJS.js";
import "./chunks/chunk-2BAW3GFJ.js";

// src/action/index.ts
await main();
process.exit(process.exitCode ?? 0);
