import type { TaskConfig } from 'payload'

import { expireCheckouts } from '../../domain/ticketing/paymentEvents'
import { cancelPaymentIntent } from '../../domain/ticketing/payments'
import { poolOf } from '../../db/pool'

/**
 * Every minute: unpaid orders past their window fail (holds and discount use given back) and
 * their PaymentIntents are cancelled through Stripe, so they can no longer be paid; dead holds
 * are deleted; then the maintained held counts are checked against a recount. An intent Stripe will not cancel (it just succeeded) settles as a late payment.
 */
export const expireCheckoutsTask: TaskConfig<'expireCheckouts'> = {
  slug: 'expireCheckouts',
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  outputSchema: [
    { name: 'ordersExpired', type: 'number' },
    { name: 'holdsDeleted', type: 'number' },
    // Ticket types whose maintained held count differed from a recount (should stay 0).
    { name: 'heldCorrected', type: 'number' },
    // Discount codes whose times_used differed from their redemptions (should stay 0).
    { name: 'timesUsedCorrected', type: 'number' },
    { name: 'intentsCancelled', type: 'number' },
    { name: 'intentsPastCancelling', type: 'number' },
  ],
  handler: async ({ req }) => {
    const { intentsToCancel, ...swept } = await expireCheckouts(poolOf(req.payload))
    if (swept.heldCorrected > 0)
      req.payload.logger.warn(`expireCheckouts: ${swept.heldCorrected} ticket type held count(s) drifted and were set right`)
    if (swept.timesUsedCorrected > 0)
      req.payload.logger.warn(`expireCheckouts: ${swept.timesUsedCorrected} discount code use count(s) drifted and were set right`)
    let intentsCancelled = 0
    let intentsPastCancelling = 0
    for (const i of intentsToCancel) {
      if (await cancelPaymentIntent(i.paymentIntentId, i.orderId)) intentsCancelled++
      else intentsPastCancelling++
    }
    return { output: { ...swept, intentsCancelled, intentsPastCancelling } }
  },
}
