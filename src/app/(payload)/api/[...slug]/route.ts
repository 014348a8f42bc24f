import '@payloadcms/next/css'

// The app's REST routes: the gated handlers (restHandlers.ts).
export { DELETE, GET, OPTIONS, PATCH, POST, PUT } from '../restHandlers'
