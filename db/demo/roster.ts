import type { Kysely } from 'kysely';
import type { Database, NewUser } from '../schema';

/**
 * The demo county congress's full roster: 150 deputies (县人大代表). The twelve demo logins (db/seed.ts) are
 * the first twelve; the others are on the roster as an imported deputy is, without a password
 * (api/users/rosterImport.ts), so the 2026 sitting can be attended and voted by a congress of its real size.
 */
export const DEMO_CONGRESS_SIZE = 150;

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'.split('');
const givenNames =
  '建华 秀兰 志强 海燕 国庆 丽娟 文斌 春梅 永红 德明 晓东 桂英 红霞 振宇 玉珍 学军 慧敏 长青 新民 爱华'.split(' ');
const districts = ['城关镇', '清河镇', '山阳乡', '东城街道'];

/** Roster deputies after the twelve demo logins: `deputy13` … `deputy150`. */
export function rosterDeputies(jurisdictionId: string): NewUser[] {
  return Array.from({ length: DEMO_CONGRESS_SIZE - 12 }, (_, i) => {
    const n = i + 13;
    const name = `${surnames[n % surnames.length]!}${givenNames[(n * 7) % givenNames.length]!}`;
    const district = districts[n % districts.length]!;
    return {
      id: `user-deputy${n}`,
      username: `deputy${n}`,
      display_name: `${name}（县人大代表，${district}选区）`,
      password_hash: '!no-password',
      roles: ['deputy'],
      jurisdiction_id: jurisdictionId,
      department_id: null,
      email: null,
      phone: null,
      electoral_district: district,
    };
  });
}

/** Idempotent like the rest of the seed: a second start keeps whatever the office changed. */
export async function seedDemoRoster(db: Kysely<Database>, jurisdictionId: string): Promise<void> {
  await db
    .insertInto('users')
    .values(rosterDeputies(jurisdictionId))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
