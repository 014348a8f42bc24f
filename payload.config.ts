import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { ScopeRequiredError, scopeRequiredBody } from './src/access/accountActions'
import { localCodeEditor } from './src/fields/localCodeEditor'
import { isJobsLeader } from './src/jobs/leader'
import { onPrimary, withStartupLock } from './src/db/startupLock'
import { guardPool, poolOf, replicaPoolsOf } from './src/db/pool'
import { requestIdOf } from './src/config/requestId'
import { databaseUnavailableBody, isDatabaseUnavailable } from './src/db/unavailable'
import { buildConfig, type Migration } from 'payload'
import sharp from 'sharp'

import { migrations } from './migrations'
import { customMutations, customQueries } from './src/graphql/operations'
import { ensureAccessModel } from './src/access/ensureAccessModel'
import { collections } from './src/collections'
import { slugs } from './src/config/slugs'
import { permitted } from './src/access/rules'
import { apiBounds, csvEnv } from './src/config/env'
import { apiKeysPlugin } from './src/plugins/api-keys'
import { apiKeyOptions } from './src/setup/apiKeys'
import { auditLogPlugin } from './src/plugins/audit-log'
import { requestGuardPlugin } from './src/plugins/request-guard'
import { clientAddress } from './src/config/clientAddress'
import { fieldEncryptionPlugin } from './src/plugins/field-encryption'
import { privacyPlugin } from './src/plugins/privacy'
import { webhooksPlugin } from './src/plugins/webhooks'
import { privacyOptions } from './src/setup/privacy'
import { webhookOptions } from './src/setup/webhooks'
import { billingReadable } from './src/collections/ticketing/access'
import { emailAdapter } from './src/email/adapter'
import {
  clickEndpoint,
  openPixelEndpoint,
  unsubscribeEndpoint,
  unsubscribePageEndpoint,
} from './src/endpoints/marketing/email-links/handler'
import { trackEndpoint } from './src/endpoints/marketing/track/handler'
import { siteEventsEndpoint } from './src/endpoints/site/events/handler'
import { siteEventPageEndpoint } from './src/endpoints/site/events/page'
import { siteCollectionsEndpoint } from './src/endpoints/site/collections/handler'
import { siteDesignersEndpoint } from './src/endpoints/site/designers/handler'
import { sitePageEndpoint } from './src/endpoints/site/pages/handler'
import { listReportsEndpoint, reportEndpoint } from './src/endpoints/reports/handler'
import { searchEndpoint } from './src/endpoints/search/handler'
import { docsAssetEndpoint, docsEndpoint, openApiEndpoint } from './src/openapi/endpoint'
import { sendEmailCampaignsTask } from './src/jobs/tasks/sendEmailCampaigns'
import { createHoldEndpoint, releaseHoldEndpoint } from './src/endpoints/checkout/holds/handler'
import { createOrderEndpoint } from './src/endpoints/checkout/orders/handler'
import { buyerOrderEndpoint, demoPayEndpoint } from './src/endpoints/checkout/buyer/handler'
import { confirmEmailChangeEndpoint } from './src/endpoints/account/confirm-email-change/handler'
import { guestDataExportEndpoint, guestDataRequestEndpoint } from './src/endpoints/account/guest-data/handler'
import { verifyEmailEndpoint } from './src/endpoints/account/verify-email/handler'
import { healthEndpoint, metricsEndpoint, readyEndpoint } from './src/endpoints/ops/handler'
import { stripeWebhookEndpoint } from './src/endpoints/stripe/webhook/handler'
import { disableTwoFactor, enableTwoFactor, setupTwoFactor } from './src/endpoints/two-factor/handler'
import { expireCheckoutsTask } from './src/jobs/tasks/expireCheckouts'
import { refreshReportRollupsTask } from './src/jobs/tasks/refreshReportRollups'
import { offerWaitlistTask } from './src/jobs/tasks/offerWaitlist'
import { sendEventRemindersTask } from './src/jobs/tasks/sendEventReminders'
import { cancelEventOrdersTask, sendNotificationsTask, sendRefundsTask } from './src/jobs/tasks/ticketingOutbox'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PAYLOAD_PUBLIC_SERVER_URL || '',
  secret: process.env.PAYLOAD_SECRET || '',
  telemetry: false,
  admin: {
    user: slugs.users,
    avatar: 'default',
    importMap: { baseDir: path.resolve(dirname) },
    meta: { titleSuffix: ' · Fashionistas' },
    components: {
      afterLogin: ['/src/components/admin/TwoFactorCode#TwoFactorCode'],
      afterNavLinks: ['/src/components/admin/analytics/NavLink#AnalyticsNavLink'],
      views: { analytics: { Component: '/src/components/admin/analytics/AnalyticsView#AnalyticsView', path: '/analytics' } },
    },
  },
  collections,
  hooks: {
    // Payload's own error answers (REST) carry the request's id too, and server errors are logged with it.
    afterError: [
      ({ error, req, result }) => {
        const requestId = requestIdOf(req.headers)
        // The database away (restarting, connections cut): 503 (restHandlers adds Retry-After), not a 500.
        if (isDatabaseUnavailable(error)) {
          req.payload.logger.warn({ requestId, msg: `${req.method} ${req.url}: database unavailable (${error.message})` })
          return { status: 503, response: databaseUnavailableBody(requestId) }
        }
        // An API key refused an account action or a scope: one shape on every route.
        if (error instanceof ScopeRequiredError) return { status: 403, response: { ...scopeRequiredBody(error), requestId } }
        const status = (error as { status?: number }).status ?? 500
        if (result && status >= 500) req.payload.logger.error({ err: error, requestId, msg: `${req.method} ${req.url} failed` })
        if (result) return { response: { ...result, requestId } }
      },
    ],
  },
  endpoints: [
    createHoldEndpoint,
    releaseHoldEndpoint,
    createOrderEndpoint,
    buyerOrderEndpoint,
    demoPayEndpoint,
    verifyEmailEndpoint,
    confirmEmailChangeEndpoint,
    guestDataRequestEndpoint,
    guestDataExportEndpoint,
    healthEndpoint,
    readyEndpoint,
    metricsEndpoint,
    stripeWebhookEndpoint,
    setupTwoFactor,
    enableTwoFactor,
    disableTwoFactor,
    trackEndpoint,
    openPixelEndpoint,
    clickEndpoint,
    unsubscribePageEndpoint,
    unsubscribeEndpoint,
    listReportsEndpoint,
    reportEndpoint,
    searchEndpoint,
    openApiEndpoint,
    siteEventsEndpoint,
    siteEventPageEndpoint,
    siteDesignersEndpoint,
    siteCollectionsEndpoint,
    sitePageEndpoint,
    docsEndpoint,
    docsAssetEndpoint,
  ],
  editor: lexicalEditor(),
  // SMTP when SMTP_URL is set; otherwise a local outbox folder (MAIL_OUTBOX_DIR), never out.
  email: emailAdapter(),
  db: postgresAdapter({
    // A request waits at most 5 s for a connection (a database that is down answers 503, never a hang).
    pool: {
      connectionString: process.env.DATABASE_URL || '',
      max: Number(process.env.DATABASE_POOL_MAX || 10),
      connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS || 5000),
    },
    // DATABASE_REPLICA_URLS (comma-separated): Payload's reads outside a transaction go to a replica
    // (except for 2 s after this instance wrote); writes, transactions and the app's own SQL (checkout,
    // availability, orders) stay on the primary. See README "Production".
    readReplicas: process.env.DATABASE_REPLICA_URLS
      ? process.env.DATABASE_REPLICA_URLS.split(',')
          .map((u) => u.trim())
          .filter(Boolean)
      : undefined,
    idType: 'uuid',
    // The schema changes only through the committed migrations in migrations/.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  sharp,
  cors: csvEnv('CORS_ORIGINS'),
  csrf: csvEnv('CSRF_ORIGINS'),
  graphQL: {
    disablePlaygroundInProduction: true,
    // Availability, search, holds and orders for frontends (src/graphql/operations.ts).
    queries: customQueries,
    mutations: customMutations,
    schemaOutputFile: path.resolve(dirname, 'src/graphql/schema.graphql'),
  },
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  jobs: {
    // JOBS_KEEP_COMPLETED=true keeps finished jobs (and their logs) for inspection; by default they go.
    deleteJobOnComplete: process.env.JOBS_KEEP_COMPLETED !== 'true',
    // Scheduled publishing of pages runs here; later issues add their tasks.
    tasks: [
      expireCheckoutsTask,
      sendEmailCampaignsTask,
      sendNotificationsTask,
      sendRefundsTask,
      cancelEventOrdersTask,
      refreshReportRollupsTask,
      offerWaitlistTask,
      sendEventRemindersTask,
    ],
    // Scheduled tasks (the checkout expiry sweep) queue themselves every minute; autoRun works them off.
    // `transactional` (every 10 s) carries what a buyer waits for: confirmation e-mail queued right after a payment.
    // Only the process holding the runner lock runs them (src/jobs/leader.ts): `npm run jobs`, or the
    // app itself when it runs alone; app instances started with PAYLOAD_JOBS_AUTORUN=false run none.
    autoRun:
      process.env.PAYLOAD_JOBS_AUTORUN === 'false'
        ? []
        : [
            { cron: process.env.JOBS_DEFAULT_CRON || '* * * * *', queue: 'default', limit: 50, disableScheduling: true },
            { cron: process.env.JOBS_TRANSACTIONAL_CRON || '*/10 * * * * *', queue: 'transactional', limit: 20, disableScheduling: true },
          ],
    shouldAutoRun: async (payload) => {
      if (process.env.PAYLOAD_JOBS_AUTORUN === 'false' || !(await isJobsLeader(payload))) return false
      // Scheduled tasks are queued by the leader alone (Payload's scheduling would queue them once per process).
      await payload.jobs.handleSchedules({ allQueues: true })
      return true
    },
  },
  plugins: [
    seoPlugin({
      collections: [slugs.events, slugs.pages],
      uploadsCollection: slugs.media,
      generateTitle: ({ doc }) => `${(doc as { title?: string }).title ?? ''} · Fashionistas`,
      generateDescription: ({ doc }) => (doc as { shortDescription?: string }).shortDescription ?? '',
    }),
    apiKeysPlugin(apiKeyOptions),
    // Before field encryption, so the webhooks' signing secrets are encrypted at rest.
    webhooksPlugin(webhookOptions),
    fieldEncryptionPlugin({
      fields: [
        { collection: slugs.users, field: 'phone' },
        { collection: 'webhooks', field: 'signingSecret', read: () => false },
        { collection: slugs.orders, field: 'billingPhone', read: billingReadable },
        { collection: slugs.orders, field: 'billingAddress', json: true, read: billingReadable },
      ],
      readAccess: permitted(slugs.encryptionKeys, 'read'),
    }),
    privacyPlugin(
      privacyOptions({
        inactiveUserDays: Number(process.env.RETENTION_INACTIVE_USER_DAYS || 3 * 365),
        orderDays: Number(process.env.RETENTION_ORDER_DAYS || 7 * 365),
        usageLogDays: Number(process.env.RETENTION_USAGE_LOG_DAYS || 90),
        auditDays: Number(process.env.RETENTION_AUDIT_DAYS || 2 * 365),
        engagementDays: Number(process.env.RETENTION_ENGAGEMENT_DAYS || 2 * 365),
      }),
    ),
    // Last, so it sees every collection and field the other plugins added.
    auditLogPlugin({ readAccess: permitted(slugs.auditLogs, 'read'), clientAddress: (req) => clientAddress(req.headers) }),
    requestGuardPlugin(apiBounds()),
    // The admin's JSON fields (the plugins' too) load their editor from this app, not a CDN.
    localCodeEditor,
  ],
  onInit: async (payload) => {
    // An idle pooled connection dropped by the server (restart, failover, shutdown) must not
    // crash the process: pg emits that on the pool, and without a listener it is fatal.
    // The replicas' pools too (a replica restarting must not take the app down), and every client,
    // idle or checked out: a connection cut between two statements of a transaction emits its error on
    // the client, which would otherwise end the process (seen under the database-restart test).
    for (const pool of [poolOf(payload), ...replicaPoolsOf(payload)]) guardPool(pool, payload.logger)
    // Pending migrations are applied on start, in development and production alike
    // (`push` is off, so this is the only way the schema changes). The cast: generated
    // migration files type their argument precisely, Payload's list type takes `unknown`.
    // Instances started together take turns (a session advisory lock) rather than race.
    // Start-up reads what it just wrote (applied migrations, the vocabulary): from the primary, never a replica.
    await withStartupLock(payload, () =>
      onPrimary(payload, async () => {
        if (process.env.PAYLOAD_MIGRATE_ON_INIT !== 'false') await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
        await ensureAccessModel(payload)
      }),
    )
  },
})
