/**
 * Starting the fetch handler under Deno, Bun and workerd: each entry (entries/) bundled with the
 * harness by esbuild into a temp dir, the runtime (scripts/runtimes/install.mjs, installed on
 * demand into node_modules/.cache) started on a free 127.0.0.1 port, stopped by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureRuntime, howToInstall, type RuntimeName } from '../../../scripts/runtimes/install.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

export const RUNTIME_NAMES = ['deno', 'bun', 'workerd'] as const;
export type HandlerRuntime = (typeof RUNTIME_NAMES)[number];

/** The runtime's command, or why the suite skips it; in CI a missing runtime fails the suite. */
export function runtimeCommand(name: RuntimeName): { command: string; args: string[]; version: string } | { skip: string } {
  const found = ensureRuntime(name);
  if (found.missing === undefined) return found;
  if (process.env.CI === 'true') throw new Error(`${found.missing} (with CI=true every runtime must run)`);
  return { skip: found.missing };
}

/** Bundles each runtime's entry with the harness and the proxy into `outdir/<runtime>.js`. */
export async function bundleEntries(outdir: string): Promise<void> {
  await build({
    entryPoints: RUNTIME_NAMES.map((name) => ({ in: join(HERE, 'entries', `${name}.ts`), out: name })),
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    logLevel: 'error',
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface RunningHandler {
  url: string;
  /** What the runtime wrote, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

/** The environment of a runtime process: no update checks, no telemetry, nothing but loopback. */
const QUIET_ENV = { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', DO_NOT_TRACK: '1', NO_COLOR: '1' };

/**
 * A workerd config serving `module` (a file in the config's folder) on `port`, with text
 * bindings. The Worker's only way out is a network service that allows loopback addresses.
 */
function workerdConfig(port: number, module: string, bindings: Record<string, string>, compatibilityDate: string): string {
  const texts = Object.entries(bindings).map(([name, text]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(text)})`);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = ${JSON.stringify(module)}, esModule = embed ${JSON.stringify(module)}) ],
  compatibilityDate = "${compatibilityDate}",
  bindings = [ ${texts.join(', ')} ],
  globalOutbound = "loopback",
);
`;
}

/** Serves the module Worker `dir/module` under workerd on a free port. */
export async function startWorkerd(
  runtime: { command: string; args: string[] },
  dir: string,
  module: string,
  bindings: Record<string, string>,
  compatibilityDate = '2026-11-01',
): Promise<RunningHandler> {
  // workerd binds the port its config names: take a free one.
  const port = await freePort();
  const config = `${module}.capnp`;
  await writeFile(join(dir, config), workerdConfig(port, module, bindings, compatibilityDate));
  return spawnServer('workerd', runtime, ['serve', join(dir, config)], dir, port);
}

/** Starts the bundled harness (`bundleDir/<name>.js`) under `name`, fronting the venue at `venueUrl`. */
export function startHandler(
  name: HandlerRuntime,
  runtime: { command: string; args: string[] },
  bundleDir: string,
  venueUrl: string,
): Promise<RunningHandler> {
  if (name === 'workerd') return startWorkerd(runtime, bundleDir, 'workerd.js', { VENUE_URL: venueUrl });
  const args =
    name === 'deno'
      ? ['run', '--quiet', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env=VENUE_URL', join(bundleDir, 'deno.js')]
      : ['run', join(bundleDir, 'bun.js')];
  return spawnServer(name, runtime, args, bundleDir, undefined, { VENUE_URL: venueUrl });
}

/** Runs a server process until it accepts connections on `port`, or on the port it prints (`listening <port>`). */
async function spawnServer(
  name: string,
  runtime: { command: string; args: string[] },
  args: string[],
  cwd: string,
  port: number | undefined,
  env: Record<string, string> = {},
): Promise<RunningHandler> {
  const child: ChildProcess = spawn(runtime.command, [...runtime.args, ...args], {
    cwd,
    env: { ...process.env, ...QUIET_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const deadline = Date.now() + 20_000;
  while (port === undefined || !(await accepts(port))) {
    if (gone) throw new Error(`${name} exited before listening:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not listen within 20 s:\n${output}`);
    }
    const printed = /listening (\d+)/.exec(output);
    if (port === undefined && printed) port = Number(printed[1]);
    else await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    close: async () => {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}
