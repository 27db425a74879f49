import type { Test } from 'tap';
import { loadConfig } from '../../infra/config/config.js';
import { createLogger } from '../../infra/logging/logger.js';
import { startService, type RunningService } from '../../services/server.js';
import { tempDir } from './temp-dir.js';

/** The real service on a fresh data folder (embedded store), driven through app.inject. */
export async function testService(t: Test, env: Record<string, string> = {}): Promise<RunningService & { dataDir: string }> {
  const dataDir = tempDir(t);
  const config = loadConfig({ PARCOURS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const service = await startService(config, createLogger('silent'));
  t.teardown(() => service.stop());
  await service.app.ready();
  return { ...service, dataDir };
}
