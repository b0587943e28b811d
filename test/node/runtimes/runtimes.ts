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
  if (process.env.CI === 'true') throw new Error(`${found.missing} (CI needs every runtime: ${howToInstall(name)})`);
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

function workerdConfig(port: number, venueUrl: string): string {
  // The Worker's only way out is a network service that allows local (loopback) addresses.
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .harness),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const harness :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "workerd.js") ],
  compatibilityDate = "2026-11-01",
  bindings = [ (name = "VENUE_URL", text = ${JSON.stringify(venueUrl)}) ],
  globalOutbound = "loopback",
);
`;
}

/** Starts the bundled harness (`bundleDir/<name>.js`) under `name`, fronting the venue at `venueUrl`. */
export async function startHandler(
  name: HandlerRuntime,
  runtime: { command: string; args: string[] },
  bundleDir: string,
  venueUrl: string,
): Promise<RunningHandler> {
  let args: string[];
  let port: number | undefined;
  if (name === 'deno') {
    args = ['run', '--quiet', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env=VENUE_URL', join(bundleDir, 'deno.js')];
  } else if (name === 'bun') {
    args = ['run', join(bundleDir, 'bun.js')];
  } else {
    // workerd binds the port its config names: take a free one.
    port = await freePort();
    await writeFile(join(bundleDir, 'workerd.capnp'), workerdConfig(port, venueUrl));
    args = ['serve', join(bundleDir, 'workerd.capnp')];
  }
  const child: ChildProcess = spawn(runtime.command, [...runtime.args, ...args], {
    cwd: bundleDir,
    env: { ...process.env, ...QUIET_ENV, VENUE_URL: venueUrl },
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
