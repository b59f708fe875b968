import type { Deal } from '../../shared/api.ts';

interface DealListProps {
  deals: Deal[];
  selectedId: string | null;
  onSelect: (dealId: string) => void;
}

const stageWords = { open: 'Open', won: 'Won', lost: 'Lost' } as const;

/** The CRM's deal list: pick one to edit. */
export function DealList({ deals, selectedId, onSelect }: DealListProps) {
  return (
    <nav aria-label="Deals">
      <h2>Deals</h2>
      {deals.length === 0 && <p class="muted">No deals yet.</p>}
      <ul class="deal-list">
        {deals.map((deal) => (
          <li key={deal.id}>
            <button
              type="button"
              aria-current={deal.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(deal.id)}
            >
              <span class="deal-title">{deal.title || deal.id}</span>
              <span class="muted">
                {deal.customerId} · {stageWords[deal.stage]}
                {deal.erpOrderNumber && ` · ${deal.erpOrderNumber}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
