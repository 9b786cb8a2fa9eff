import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  main
} from "./chunks/chunk-QHFHNITD.js";
import "./chunks/chunk-53E6IQI7.js";
import "./chunks/chunk-5LVJ7XEU.js";
import "./chunks/chunk-KJS3KLSQ.js";
import "./chunks/chunk-F3YP4XZU.js";
import "./chunks/chunk-KZBIBZJS.js";
import "./chunks/chunk-2BAW3GFJ.js";

// src/action/index.ts
await main();
process.exit(process.exitCode ?? 0);
