// Plugin registry (runtime.md §12). A plugin is named on the command line (`--plugins a,b`), initialises
// concurrently at start-up, and may execute action types the core server does not (e.g. `run_ipython`
// for Jupyter). To add one: write a factory and register it in PLUGIN_FACTORIES.
import type { ActionEvent, ObservationEvent } from '../core/events.js';
import type { Logger } from '../core/log.js';

export interface PluginContext {
  readonly username: string;
  readonly logger: Logger;
  /** The shell's current directory (plugins such as Jupyter follow it). */
  cwd(): string;
  /** The workspace root. */
  workspace(): string;
}

export interface Plugin {
  readonly name: string;
  /** Action types this plugin executes. */
  readonly actions: readonly string[];
  initialize(ctx: PluginContext): Promise<void>;
  run(action: ActionEvent, ctx: PluginContext): Promise<ObservationEvent>;
  close?(): Promise<void>;
}

export type PluginFactory = () => Plugin;

/** `agent_skills` is a no-op on the server: its helpers are importable inside IPython only. */
function agentSkills(): Plugin {
  return {
    name: 'agent_skills',
    actions: [],
    initialize: async () => {},
    run: async () => {
      throw new Error('agent_skills executes no actions');
    },
  };
}

export const PLUGIN_FACTORIES: Readonly<Record<string, PluginFactory>> = {
  agent_skills: agentSkills,
};

export class PluginError extends Error {}

/** Builds the named plugins; an unknown name is an error that lists the known ones. */
export function createPlugins(names: readonly string[], factories = PLUGIN_FACTORIES): Plugin[] {
  const unknown = names.filter((n) => !Object.hasOwn(factories, n));
  if (unknown.length) {
    throw new PluginError(
      `Unknown plugin${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ` +
        `Available plugins: ${Object.keys(factories).join(', ') || 'none'}.`,
    );
  }
  return [...new Set(names)].map((n) => {
    const factory = factories[n];
    if (!factory) throw new PluginError(`Unknown plugin: ${n}`);
    return factory();
  });
}

/** Initialises all plugins concurrently within `timeoutMs`. */
export async function initializePlugins(plugins: Plugin[], ctx: PluginContext, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PluginError(`Plugins did not initialise within ${timeoutMs / 1000} s (INIT_PLUGIN_TIMEOUT)`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([Promise.all(plugins.map((p) => p.initialize(ctx))), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
