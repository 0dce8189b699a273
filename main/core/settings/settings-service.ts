import type { Locale, Settings } from '../../../shared/settings/schema';
import type { Db } from '../storage/database';

export function createSettingsService(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const value = (key: string) => (get.get(key) as { value: string } | undefined)?.value ?? null;
  return {
    read(): Settings {
      return { locale: (value('locale') as Locale | null) ?? 'fr' };
    },
    update(patch: Settings): Settings {
      put.run('locale', patch.locale);
      return this.read();
    },
    value,
    put: (key: string, v: string) => void put.run(key, v),
  };
}
