import type { SqlClient } from "../sql-client";

export type WorkspaceRole = "owner" | "admin" | "member";

export interface User {
  uuid: string;
  email: string;
  name: string;
  createdAt: string;
}

interface Row {
  [column: string]: unknown;
  uuid: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

const toUser = (row: Row): User => ({ uuid: row.uuid, email: row.email, name: row.name, createdAt: row.created_at });

/** Accounts. Emails are stored lower-cased, so sign-in ignores case. */
export function userRepository(db: SqlClient) {
  return {
    async count(): Promise<number> {
      const row = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users");
      return Number(row?.n ?? 0);
    },
    async create(user: { uuid: string; email: string; name: string; passwordHash: string }): Promise<User> {
      const createdAt = new Date().toISOString();
      await db.run("INSERT INTO users (uuid, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)", [
        user.uuid,
        user.email.toLowerCase(),
        user.name,
        user.passwordHash,
        createdAt,
      ]);
      return { uuid: user.uuid, email: user.email.toLowerCase(), name: user.name, createdAt };
    },
    async get(uuid: string): Promise<User | null> {
      const row = await db.get<Row>("SELECT * FROM users WHERE uuid = ?", [uuid]);
      return row ? toUser(row) : null;
    },
    /** The user and their password hash, for sign-in only. */
    async findWithPassword(email: string): Promise<(User & { passwordHash: string }) | null> {
      const row = await db.get<Row>("SELECT * FROM users WHERE email = ?", [email.toLowerCase()]);
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
    },
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
