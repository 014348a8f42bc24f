'use client'
/**
 * The admin's JSON field with Monaco loaded from this app (/monaco/vs, src/app/monaco) instead of
 * a CDN, so JSON fields work without internet. Payload's own JSON field bundles its own copy of
 * the Monaco loader, which cannot be pointed elsewhere; src/fields/localCodeEditor.ts puts this
 * component on every JSON field. Behaves as Payload's: the value is the parsed JSON, text that
 * does not parse is kept and reported as the field's error, empty is null.
 */
import Editor, { loader } from '@monaco-editor/react'
import { FieldDescription, FieldError, FieldLabel, useField, useTheme } from '@payloadcms/ui'
import type { JSONFieldClientProps } from 'payload'
import React, { useCallback, useEffect, useRef, useState } from 'react'

export const MONACO_PATH = '/monaco/vs'
loader.config({ paths: { vs: MONACO_PATH } })

const format = (v: unknown) => (v === undefined || v === null ? '' : JSON.stringify(v, null, 2))

export function JsonField(props: JSONFieldClientProps) {
  const { field, path: pathFromProps, readOnly, validate } = props
  const [jsonError, setJsonError] = useState<string | undefined>()
  const memoizedValidate = useCallback(
    (value: unknown, options: Record<string, unknown>) =>
      typeof validate === 'function' ? validate(value as never, { ...options, jsonError, required: field.required } as never) : true,
    [validate, jsonError, field.required],
  )
  const { value, setValue, showError, path, disabled } = useField<unknown>({
    potentiallyStalePath: pathFromProps,
    validate: memoizedValidate,
  })
  const { theme } = useTheme()
  const [text, setText] = useState(() => format(value))
  const typed = useRef(false)
  // A value changed by the form (reset, autosave answer, another tab), not by typing, is shown.
  useEffect(() => {
    if (typed.current) typed.current = false
    else setText(format(value))
  }, [value])

  const lines = Math.min(Math.max(text.split('\n').length, 3), 30)
  return (
    <div className={['field-type', 'json-field', 'local-json-field', showError && 'error'].filter(Boolean).join(' ')}>
      <FieldLabel label={field.label || field.name} path={path} required={field.required} />
      <div className="field-type__wrap" id={`field-${path.replace(/\./g, '__')}`}>
        <FieldError message={jsonError} path={path} showError={showError || Boolean(jsonError)} />
        <Editor
          height={lines * 19 + 16}
          defaultLanguage="json"
          value={text}
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          options={{
            readOnly: readOnly || disabled,
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            tabSize: 2,
            padding: { top: 8, bottom: 8 },
          }}
          onChange={(next) => {
            if (readOnly || disabled) return
            const t = next ?? ''
            typed.current = true
            setText(t)
            try {
              setValue(t.trim() ? JSON.parse(t) : null)
              setJsonError(undefined)
            } catch (e) {
              setValue(t)
              setJsonError((e as Error).message)
            }
          }}
        />
      </div>
      <FieldDescription path={path} description={field.admin?.description} />
    </div>
  )
}
