import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfigService } from '../common/app-config.service';
import { Clock } from '../common/clock';
import { JwtSecret } from './jwt-secret.service';

/**
 * The secret kept in PostgreSQL (JWT_SECRET unset), read through a stand-in for the database
 * whose answers each test scripts: the point is what JwtSecret asks and when.
 */
describe('JwtSecret kept in the database', () => {
  let dataDir: string;
  let findOne: jest.Mock<Promise<{ value: string } | null>, []>;
  let secret: JwtSecret;
  let unhandled: unknown[];
  const record = (reason: unknown): void => void unhandled.push(reason);
  const connectionLost = (): Error => new Error('Connection terminated unexpectedly');

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gardefou-secret-'));
    findOne = jest.fn<Promise<{ value: string } | null>, []>();
    const dataSource = {
      options: { type: 'postgres' },
      getRepository: () => ({ findOne }),
    } as unknown as DataSource;
    const config = { values: { DATA_DIR: dataDir } } as unknown as AppConfigService;
    secret = new JwtSecret(config, dataSource, new Clock());
    unhandled = [];
    process.on('unhandledRejection', record);
  });

  afterEach(() => {
    process.off('unhandledRejection', record);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Lets any rejection nobody awaited surface as 'unhandledRejection'. */
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

  it('reads the database once, then answers from memory even once the database is gone', async () => {
    findOne.mockResolvedValueOnce({ value: 'stored-secret' });
    expect(await secret.get()).toBe('stored-secret');
    findOne.mockImplementation(() => Promise.reject(connectionLost()));
    const later = await Promise.all([secret.get(), secret.get(), secret.get()]);
    await settle();
    expect(later).toEqual(['stored-secret', 'stored-secret', 'stored-secret']);
    expect(findOne).toHaveBeenCalledTimes(1);
    expect(unhandled).toEqual([]);
  });

  it('forgets a failed attempt, and the next call tries the database again', async () => {
    findOne.mockRejectedValueOnce(connectionLost());
    await expect(secret.get()).rejects.toThrow('Connection terminated unexpectedly');
    findOne.mockResolvedValueOnce({ value: 'stored-secret' });
    expect(await secret.get()).toBe('stored-secret');
    await settle();
    expect(findOne).toHaveBeenCalledTimes(2);
    expect(unhandled).toEqual([]);
  });

  it('gives callers arriving during one attempt that same attempt and its outcome', async () => {
    let answer!: (row: { value: string }) => void;
    findOne.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const waiting = [secret.get(), secret.get()];
    answer({ value: 'stored-secret' });
    expect(await Promise.all(waiting)).toEqual(['stored-secret', 'stored-secret']);
    expect(findOne).toHaveBeenCalledTimes(1);
  });
});
