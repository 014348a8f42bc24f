/**
 * audit-log: every create, update and delete on the audited collections writes an entry in the
 * same transaction as the change (actor, action, collection, document, changed fields with old
 * and new values, redacted where sensitive, ip, user agent, time); logins, failed logins,
 * logouts and password-reset requests too. Entries are read-only through every API.
 */
import type { Access, CollectionConfig, Config, Field, Plugin } from 'payload'

import { auditCollection } from './collection'
import { DEFAULT_EXCLUDE, DEFAULT_REDACT, DEFAULT_SLUG } from './defaults'
import { auditChange, auditDelete, auditFailedLogin, auditForgotPassword, auditLogin, auditLogout } from './hooks'
import type { AuditLogOptions } from './types'

export type { AuditLogOptions } from './types'
export { SKIP_AUDIT } from './types'

// Without readAccess nobody reads the log through an API (the Local API with overrideAccess still does).
const nobody: Access = () => false

function redactedFields(fields: Field[], out: Set<string>) {
  for (const f of fields) {
    const named = f as Field & { name?: string; custom?: { redact?: boolean }; fields?: Field[] }
    if (named.name && named.custom?.redact) out.add(named.name)
    if ('fields' in f && Array.isArray(named.fields)) redactedFields(named.fields, out)
  }
}

export const auditLogPlugin =
  (options: AuditLogOptions = {}): Plugin =>
  (config: Config): Config => {
    const slug = options.slug ?? DEFAULT_SLUG
    const collections = [...(config.collections ?? [])]
    const exclude = new Set([...(options.exclude ?? DEFAULT_EXCLUDE), slug])
    const audited = (c: CollectionConfig) => !exclude.has(c.slug) && (!options.collections || options.collections.includes(c.slug))
    const enabled = options.enabled !== false
    const patched = collections.map((c) => {
      if (!enabled || !audited(c)) return c
      const redact = new Set([...DEFAULT_REDACT, ...(options.redact ?? [])])
      redactedFields(c.fields, redact)
      const hooks = { ...(c.hooks ?? {}) }
      hooks.afterChange = [...(hooks.afterChange ?? []), auditChange(slug, redact)]
      hooks.afterDelete = [...(hooks.afterDelete ?? []), auditDelete(slug, redact)]
      const isAuth = Boolean(c.auth) && (!options.authCollections || options.authCollections.includes(c.slug))
      if (isAuth) {
        hooks.afterLogin = [...(hooks.afterLogin ?? []), auditLogin(slug)]
        hooks.afterLogout = [...(hooks.afterLogout ?? []), auditLogout(slug)]
        hooks.afterForgotPassword = [...(hooks.afterForgotPassword ?? []), auditForgotPassword(slug)]
        hooks.afterError = [...(hooks.afterError ?? []), auditFailedLogin(slug)]
      }
      const fields =
        options.historyLinkComponent === false
          ? c.fields
          : [
              ...c.fields,
              {
                name: 'auditHistory',
                type: 'ui',
                admin: {
                  position: 'sidebar',
                  components: {
                    Field: {
                      path: options.historyLinkComponent ?? '/src/plugins/audit-log/components/HistoryLink#HistoryLink',
                      clientProps: { auditSlug: slug },
                    },
                  },
                },
              } as Field,
            ]
      return { ...c, hooks, fields }
    })
    patched.push(auditCollection(slug, options.readAccess ?? nobody, options.clientAddress, options.userCollection))
    return { ...config, collections: patched }
  }
