// `npm run demo`, after the preflight and the build: starts the built app in demo mode (WASL_DEMO=1), on a fresh
// profile folder of its own with sample services and a sample shop, the services showing the fixture pages of
// test/fixtures/platforms (main/electron/demo.ts). The variable is set here because the shells of Windows and of
// the others spell it differently; npm puts electron-vite on the PATH.
import { spawn } from 'node:child_process';

const child = spawn('electron-vite', ['preview'], { stdio: 'inherit', shell: true, env: { ...process.env, WASL_DEMO: '1' } });
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
