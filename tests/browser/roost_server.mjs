// A real `roost serve` for browser tests: a small synthetic archive with a
// privacy gate, an analyst key and an admin key, a server on a free port.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function newKey(roost) {
  const out = execFileSync(roost, ['serve', '--new-key'], { encoding: 'utf8' });
  const key = /^key\s+(\S+)/m.exec(out)[1];
  const hash = /^hash\s+(\S+)/m.exec(out)[1];
  return { key, hash };
}

// Makes the archive and starts the server; resolves once it listens.
export async function startRoost(roost, { days = 2, tweetsPerDay = 20000 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'roost-browser-'));
  const raw = path.join(dir, 'raw');
  const archive = path.join(dir, 'archive');
  execFileSync(roost, ['synth', '--out', raw, '--days', String(days), '--tweets-per-day', String(tweetsPerDay)], { stdio: 'ignore' });
  const inputs = readdirSync(raw).filter((f) => f.startsWith('tweets-')).map((f) => path.join(raw, f));
  execFileSync(roost, ['ingest', '--archive', archive, ...inputs], { stdio: 'ignore' });
  // Counts rounded, small groups redacted, no text or handles for analysts.
  writeFileSync(path.join(archive, 'privacy.toml'),
    '[privacy]\nmin_answer_authors = 20\nmin_group_authors = 5\ncount_quantum = 10\nshow_text = false\nshow_handles = false\n');
  const analyst = newKey(roost);
  const admin = newKey(roost);
  const config = path.join(dir, 'server.toml');
  writeFileSync(config, `[server]\nmax_concurrent = 4\n` +
    `[[key]]\nid = "ana"\nrole = "analyst"\nhash = "${analyst.hash}"\n` +
    `[[key]]\nid = "root"\nrole = "admin"\nhash = "${admin.hash}"\n`);
  const child = spawn(roost, ['serve', '--archive', archive, '--config', config, '--brands', path.join(raw, 'brands.toml'), '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`roost serve did not start:\n${log}`)), 20000);
    child.stderr.on('data', (d) => {
      log += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.on('exit', (code) => reject(new Error(`roost serve exited ${code}:\n${log}`)));
  });
  return {
    url,
    keys: { analyst: analyst.key, admin: admin.key },
    log: () => log,
    // The API as the test sees it, to compare with what the page shows.
    async api(endpoint, params, key) {
      const q = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== '' && v !== undefined));
      const res = await fetch(`${url}/api/${endpoint}?${q}`, { headers: { Authorization: `Bearer ${key}` } });
      return { status: res.status, body: await res.json() };
    },
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
