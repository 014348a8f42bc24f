export type RetentionPeriods = {
  /** Users with no login for this many days are anonymized. Default 3 years. */
  inactiveUserDays: number
  /** Orders older than this keep their amounts but lose their personal fields. Default 7 years. */
  orderDays: number
  /** Usage logs are deleted after this many days. Default 90. */
  usageLogDays: number
  /** Audit entries are deleted after this many days. Default 2 years. */
  auditDays: number
  /** Engagement records (analytics tied to a person) after this many days. Default 2 years. */
  engagementDays: number
}

export type PrivacyOptions = {
  /** Slug of the data-subject-requests collection. */
  slug?: string
  retention?: Partial<RetentionPeriods>
  /** Cron of the retention job. Default daily at 03:17 UTC. */
  retentionCron?: string
}
