export const DEFAULT_ADMIN = { email: 'admin@fashionistas.local', password: 'fashionistas-admin' }
export const DEMO_PASSWORD = 'fashionistas-demo'
/** Context flags for seed writes: no audit entries, no side effects meant for real edits. */
export const seedContext = { skipAudit: true, seeding: true }
