import * as migration_20261201_063709_initial from './20261201_063709_initial';
import * as migration_20261201_064000_constraints_and_search_indexes from './20261201_064000_constraints_and_search_indexes';
import * as migration_20261201_071955_ticketing from './20261201_071955_ticketing';
import * as migration_20261201_072000_ticketing_constraints from './20261201_072000_ticketing_constraints';
import * as migration_20261201_073922_fashion from './20261201_073922_fashion';
import * as migration_20261201_074022_fashion_constraints from './20261201_074022_fashion_constraints';
import * as migration_20261201_075355_audit_log from './20261201_075355_audit_log';
import * as migration_20261201_075859_api_keys from './20261201_075859_api_keys';
import * as migration_20261201_080000_rate_limits from './20261201_080000_rate_limits';
import * as migration_20261201_080720_field_encryption from './20261201_080720_field_encryption';
import * as migration_20261201_081245_privacy from './20261201_081245_privacy';
import * as migration_20261201_082115_two_factor from './20261201_082115_two_factor';
import * as migration_20261201_093806_sponsorship_marketing from './20261201_093806_sponsorship_marketing';
import * as migration_20261201_093900_sponsorship_marketing_constraints from './20261201_093900_sponsorship_marketing_constraints';
import * as migration_20261201_094725_email_job from './20261201_094725_email_job';
import * as migration_20261201_100621_webhooks from './20261201_100621_webhooks';
import * as migration_20261201_100700_webhook_queue from './20261201_100700_webhook_queue';
import * as migration_20261201_101200_search_vectors from './20261201_101200_search_vectors';
import * as migration_20261201_111200_email_send_user_optional from './20261201_111200_email_send_user_optional';
import * as migration_20261204_161515_money_safe_checkout from './20261204_161515_money_safe_checkout';
import * as migration_20261204_161600_money_safe_checkout_constraints from './20261204_161600_money_safe_checkout_constraints';
import * as migration_20261204_171037_edge_hold_limit from './20261204_171037_edge_hold_limit';
import * as migration_20261204_171100_edge_hold_limit_constraints from './20261204_171100_edge_hold_limit_constraints';
import * as migration_20261204_181500_site_listing_index from './20261204_181500_site_listing_index';
import * as migration_20261204_183000_site_designer_index from './20261204_183000_site_designer_index';
import * as migration_20261204_195926_held_count from './20261204_195926_held_count';
import * as migration_20261204_195930_held_count_triggers from './20261204_195930_held_count_triggers';
import * as migration_20261204_202355_report_rollups_task from './20261204_202355_report_rollups_task';
import * as migration_20261204_203000_search_descriptions_models from './20261204_203000_search_descriptions_models';
import * as migration_20261204_204500_content_version from './20261204_204500_content_version';
import * as migration_20261204_210000_site_collection_index from './20261204_210000_site_collection_index';
import * as migration_20261204_213000_engagement_rollup from './20261204_213000_engagement_rollup';
import * as migration_20261205_133925_seating from './20261205_133925_seating';
import * as migration_20261205_134659_waitlist from './20261205_134659_waitlist';
import * as migration_20261205_140500_seating_rules from './20261205_140500_seating_rules';
import * as migration_20261205_145304_notices from './20261205_145304_notices';
import * as migration_20261205_150500_waitlist_rules from './20261205_150500_waitlist_rules';
import * as migration_20261205_150851_email_verification from './20261205_150851_email_verification';
import * as migration_20261205_151000_verification_index from './20261205_151000_verification_index';
import * as migration_20261205_171238_api_key_reveal from './20261205_171238_api_key_reveal';
import * as migration_20261206_100000_staff_reads_assigned from './20261206_100000_staff_reads_assigned';
import * as migration_20261206_224052_review_fixes from './20261206_224052_review_fixes';
import * as migration_20261206_230000_review_rules from './20261206_230000_review_rules';
import * as migration_20261206_231500_guest_data_requests from './20261206_231500_guest_data_requests';

export const migrations = [
  {
    up: migration_20261201_063709_initial.up,
    down: migration_20261201_063709_initial.down,
    name: '20261201_063709_initial',
  },
  {
    up: migration_20261201_064000_constraints_and_search_indexes.up,
    down: migration_20261201_064000_constraints_and_search_indexes.down,
    name: '20261201_064000_constraints_and_search_indexes',
  },
  {
    up: migration_20261201_071955_ticketing.up,
    down: migration_20261201_071955_ticketing.down,
    name: '20261201_071955_ticketing',
  },
  {
    up: migration_20261201_072000_ticketing_constraints.up,
    down: migration_20261201_072000_ticketing_constraints.down,
    name: '20261201_072000_ticketing_constraints',
  },
  {
    up: migration_20261201_073922_fashion.up,
    down: migration_20261201_073922_fashion.down,
    name: '20261201_073922_fashion',
  },
  {
    up: migration_20261201_074022_fashion_constraints.up,
    down: migration_20261201_074022_fashion_constraints.down,
    name: '20261201_074022_fashion_constraints',
  },
  {
    up: migration_20261201_075355_audit_log.up,
    down: migration_20261201_075355_audit_log.down,
    name: '20261201_075355_audit_log',
  },
  {
    up: migration_20261201_075859_api_keys.up,
    down: migration_20261201_075859_api_keys.down,
    name: '20261201_075859_api_keys',
  },
  {
    up: migration_20261201_080000_rate_limits.up,
    down: migration_20261201_080000_rate_limits.down,
    name: '20261201_080000_rate_limits',
  },
  {
    up: migration_20261201_080720_field_encryption.up,
    down: migration_20261201_080720_field_encryption.down,
    name: '20261201_080720_field_encryption',
  },
  {
    up: migration_20261201_081245_privacy.up,
    down: migration_20261201_081245_privacy.down,
    name: '20261201_081245_privacy',
  },
  {
    up: migration_20261201_082115_two_factor.up,
    down: migration_20261201_082115_two_factor.down,
    name: '20261201_082115_two_factor',
  },
  {
    up: migration_20261201_093806_sponsorship_marketing.up,
    down: migration_20261201_093806_sponsorship_marketing.down,
    name: '20261201_093806_sponsorship_marketing',
  },
  {
    up: migration_20261201_093900_sponsorship_marketing_constraints.up,
    down: migration_20261201_093900_sponsorship_marketing_constraints.down,
    name: '20261201_093900_sponsorship_marketing_constraints',
  },
  {
    up: migration_20261201_094725_email_job.up,
    down: migration_20261201_094725_email_job.down,
    name: '20261201_094725_email_job',
  },
  {
    up: migration_20261201_100621_webhooks.up,
    down: migration_20261201_100621_webhooks.down,
    name: '20261201_100621_webhooks',
  },
  {
    up: migration_20261201_100700_webhook_queue.up,
    down: migration_20261201_100700_webhook_queue.down,
    name: '20261201_100700_webhook_queue',
  },
  {
    up: migration_20261201_101200_search_vectors.up,
    down: migration_20261201_101200_search_vectors.down,
    name: '20261201_101200_search_vectors',
  },
  {
    up: migration_20261201_111200_email_send_user_optional.up,
    down: migration_20261201_111200_email_send_user_optional.down,
    name: '20261201_111200_email_send_user_optional',
  },
  {
    up: migration_20261204_161515_money_safe_checkout.up,
    down: migration_20261204_161515_money_safe_checkout.down,
    name: '20261204_161515_money_safe_checkout',
  },
  {
    up: migration_20261204_161600_money_safe_checkout_constraints.up,
    down: migration_20261204_161600_money_safe_checkout_constraints.down,
    name: '20261204_161600_money_safe_checkout_constraints',
  },
  {
    up: migration_20261204_171037_edge_hold_limit.up,
    down: migration_20261204_171037_edge_hold_limit.down,
    name: '20261204_171037_edge_hold_limit',
  },
  {
    up: migration_20261204_171100_edge_hold_limit_constraints.up,
    down: migration_20261204_171100_edge_hold_limit_constraints.down,
    name: '20261204_171100_edge_hold_limit_constraints',
  },
  {
    up: migration_20261204_181500_site_listing_index.up,
    down: migration_20261204_181500_site_listing_index.down,
    name: '20261204_181500_site_listing_index',
  },
  {
    up: migration_20261204_183000_site_designer_index.up,
    down: migration_20261204_183000_site_designer_index.down,
    name: '20261204_183000_site_designer_index',
  },
  {
    up: migration_20261204_195926_held_count.up,
    down: migration_20261204_195926_held_count.down,
    name: '20261204_195926_held_count',
  },
  {
    up: migration_20261204_195930_held_count_triggers.up,
    down: migration_20261204_195930_held_count_triggers.down,
    name: '20261204_195930_held_count_triggers',
  },
  {
    up: migration_20261204_202355_report_rollups_task.up,
    down: migration_20261204_202355_report_rollups_task.down,
    name: '20261204_202355_report_rollups_task',
  },
  {
    up: migration_20261204_203000_search_descriptions_models.up,
    down: migration_20261204_203000_search_descriptions_models.down,
    name: '20261204_203000_search_descriptions_models',
  },
  {
    up: migration_20261204_204500_content_version.up,
    down: migration_20261204_204500_content_version.down,
    name: '20261204_204500_content_version',
  },
  {
    up: migration_20261204_210000_site_collection_index.up,
    down: migration_20261204_210000_site_collection_index.down,
    name: '20261204_210000_site_collection_index',
  },
  {
    up: migration_20261204_213000_engagement_rollup.up,
    down: migration_20261204_213000_engagement_rollup.down,
    name: '20261204_213000_engagement_rollup',
  },
  {
    up: migration_20261205_133925_seating.up,
    down: migration_20261205_133925_seating.down,
    name: '20261205_133925_seating',
  },
  {
    up: migration_20261205_134659_waitlist.up,
    down: migration_20261205_134659_waitlist.down,
    name: '20261205_134659_waitlist',
  },
  {
    up: migration_20261205_140500_seating_rules.up,
    down: migration_20261205_140500_seating_rules.down,
    name: '20261205_140500_seating_rules',
  },
  {
    up: migration_20261205_145304_notices.up,
    down: migration_20261205_145304_notices.down,
    name: '20261205_145304_notices',
  },
  {
    up: migration_20261205_150500_waitlist_rules.up,
    down: migration_20261205_150500_waitlist_rules.down,
    name: '20261205_150500_waitlist_rules',
  },
  {
    up: migration_20261205_150851_email_verification.up,
    down: migration_20261205_150851_email_verification.down,
    name: '20261205_150851_email_verification',
  },
  {
    up: migration_20261205_151000_verification_index.up,
    down: migration_20261205_151000_verification_index.down,
    name: '20261205_151000_verification_index',
  },
  {
    up: migration_20261205_171238_api_key_reveal.up,
    down: migration_20261205_171238_api_key_reveal.down,
    name: '20261205_171238_api_key_reveal',
  },
  {
    up: migration_20261206_100000_staff_reads_assigned.up,
    down: migration_20261206_100000_staff_reads_assigned.down,
    name: '20261206_100000_staff_reads_assigned',
  },
  {
    up: migration_20261206_224052_review_fixes.up,
    down: migration_20261206_224052_review_fixes.down,
    name: '20261206_224052_review_fixes',
  },
  {
    up: migration_20261206_230000_review_rules.up,
    down: migration_20261206_230000_review_rules.down,
    name: '20261206_230000_review_rules',
  },
  {
    up: migration_20261206_231500_guest_data_requests.up,
    down: migration_20261206_231500_guest_data_requests.down,
    name: '20261206_231500_guest_data_requests',
  },
];
