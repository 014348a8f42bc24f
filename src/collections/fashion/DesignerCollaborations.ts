import type { CollectionConfig } from 'payload'

import { anyone, permitted } from '../../access/rules'
import { endAfterStart } from '../../fields/validators'
import { idOf } from '../../fields/idOf'
import { slugs } from '../../config/slugs'

export const DesignerCollaborations: CollectionConfig<'designer-collaborations'> = {
  slug: slugs.designerCollaborations,
  admin: { useAsTitle: 'name', group: 'Fashion', defaultColumns: ['name', 'status', 'startDate', 'endDate'] },
  access: {
    read: anyone,
    create: permitted(slugs.designerCollaborations, 'create'),
    update: permitted(slugs.designerCollaborations, 'update'),
    delete: permitted(slugs.designerCollaborations, 'delete'),
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date' },
        {
          name: 'endDate',
          type: 'date',
          validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            endAfterStart(siblingData.startDate, v, 'The end date'),
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'planned',
          index: true,
          options: ['planned', 'active', 'completed', 'cancelled'],
        },
      ],
    },
    {
      name: 'members',
      label: 'Participants',
      type: 'array',
      minRows: 1,
      validate: (rows: unknown) => {
        const ids = ((rows as Array<{ designer?: unknown }>) ?? []).map((r) => idOf(r.designer)).filter(Boolean)
        return new Set(ids).size === ids.length ? true : 'Each designer takes part in a collaboration once.'
      },
      fields: [
        { name: 'designer', type: 'relationship', relationTo: slugs.designers, required: true, index: true },
        { name: 'role', type: 'text' },
      ],
    },
  ],
  timestamps: true,
}
