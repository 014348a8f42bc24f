import { EventCategories } from './events/EventCategories'
import { Events } from './events/Events'
import { EventSchedules } from './events/EventSchedules'
import { Media } from './cms/Media'
import { Pages } from './cms/Pages'
import { Permissions } from './users/Permissions'
import { Roles } from './users/Roles'
import { Users } from './users/Users'
import { DiscountCodes } from './ticketing/DiscountCodes'
import { DiscountRedemptions } from './ticketing/DiscountRedemptions'
import { Holds } from './ticketing/Holds'
import { OrderItems } from './ticketing/OrderItems'
import { Orders } from './ticketing/Orders'
import { Notifications } from './ticketing/Notifications'
import { PaymentEvents } from './ticketing/PaymentEvents'
import { Refunds } from './ticketing/Refunds'
import { Tickets } from './ticketing/Tickets'
import { TicketTypes } from './ticketing/TicketTypes'
import { DesignerAnalytics } from './fashion/DesignerAnalytics'
import { DesignerCollaborations } from './fashion/DesignerCollaborations'
import { Designers } from './fashion/Designers'
import { FashionCollections } from './fashion/FashionCollections'
import { FashionItemImages } from './fashion/FashionItemImages'
import { FashionItems } from './fashion/FashionItems'
import { Models } from './fashion/Models'
import { RunwayAppearances } from './fashion/RunwayAppearances'
import { RunwaySegments } from './fashion/RunwaySegments'
import { RunwayShows } from './fashion/RunwayShows'
import { CampaignAssets, MarketingCampaigns } from './marketing/Campaigns'
import { EmailAnalytics } from './marketing/EmailAnalytics'
import { EmailCampaigns } from './marketing/EmailCampaigns'
import { EmailSends } from './marketing/EmailSends'
import { MarketingSegments } from './marketing/Segments'
import { CampaignAnalytics } from './marketing/CampaignAnalytics'
import { SocialAnalytics } from './marketing/SocialAnalytics'
import { SocialPosts } from './marketing/SocialPosts'
import { UserEngagement } from './marketing/UserEngagement'
import { SponsorAnalytics } from './sponsorship/SponsorAnalytics'
import { Sponsors } from './sponsorship/Sponsors'
import { SponsorshipAssets } from './sponsorship/SponsorshipAssets'
import { Sponsorships } from './sponsorship/Sponsorships'
import { SponsorBenefits } from './sponsorship/SponsorBenefits'
import { SponsorshipTiers } from './sponsorship/SponsorshipTiers'
import { VenueSeats } from './venues/VenueSeats'
import { EventSeats } from './ticketing/EventSeats'
import { WaitlistEntries } from './ticketing/WaitlistEntries'
import { VenueSections } from './venues/VenueSections'
import { Venues } from './venues/Venues'

export const collections = [
  Users,
  Roles,
  Permissions,
  Events,
  EventSchedules,
  EventCategories,
  Venues,
  VenueSections,
  VenueSeats,
  EventSeats,
  Pages,
  Media,
  TicketTypes,
  Holds,
  WaitlistEntries,
  Orders,
  OrderItems,
  DiscountCodes,
  DiscountRedemptions,
  Tickets,
  PaymentEvents,
  Refunds,
  Notifications,
  Designers,
  FashionCollections,
  FashionItems,
  FashionItemImages,
  RunwayShows,
  RunwaySegments,
  Models,
  RunwayAppearances,
  DesignerCollaborations,
  DesignerAnalytics,
  Sponsors,
  SponsorshipTiers,
  SponsorBenefits,
  Sponsorships,
  SponsorshipAssets,
  SponsorAnalytics,
  MarketingCampaigns,
  CampaignAssets,
  EmailCampaigns,
  EmailSends,
  SocialPosts,
  MarketingSegments,
  CampaignAnalytics,
  EmailAnalytics,
  SocialAnalytics,
  UserEngagement,
]
