import type { Customer, Deal, DealStage, Product } from '../../shared/api.ts';
import type { Api } from '../api.ts';
import { CustomerPicker } from './customer-picker.tsx';
import { LineEditor } from './line-editor.tsx';
import type { Playground } from './playground-state.ts';
import { newLineId } from './playground-state.ts';
import { ProductSearch } from './product-search.tsx';
import { SaveNote } from './save-note.tsx';

/**
 * The default config's lookup.currencies. No endpoint tells the playground what the server
 * accepts; one that did (or the currencies in GET /api/health) would end this copy.
 */
const currencies = ['EUR', 'USD', 'CHF'];

interface DealEditorProps {
  api: Api;
  playground: Playground;
  deal: Deal;
}

/** The CRM's deal form: title, customer, currency, stage and lines, saved as the rep types. */
export function DealEditor({ api, playground, deal }: DealEditorProps) {
  const { edit } = playground;
  const currencyOptions = currencies.includes(deal.currency)
    ? currencies
    : [deal.currency, ...currencies];

  function addLine(product: Product): void {
    const line = { lineId: newLineId(), productId: product.id, quantity: '1' };
    edit({ lines: [...deal.lines, line] });
  }

  function chooseCustomer(customer: Customer): void {
    edit({ customerId: customer.id, currency: customer.currency });
  }

  return (
    <section class="editor" aria-labelledby="editor-title">
      <header class="editor-head">
        <h2 id="editor-title">Deal {deal.id}</h2>
        <SaveNote status={playground.saveStatus.value} error={playground.saveError.value} />
      </header>

      {deal.erpOrderNumber && (
        <p class="order-number" role="status">
          ERP order <strong>{deal.erpOrderNumber}</strong>
        </p>
      )}

      <div class="field">
        <label for="deal-title">Title</label>
        <input
          id="deal-title"
          value={deal.title}
          maxLength={200}
          onInput={(event) => edit({ title: event.currentTarget.value })}
        />
      </div>

      <CustomerPicker
        api={api}
        known={playground.customers.value}
        customerId={deal.customerId}
        onFound={playground.learnCustomers}
        onChange={chooseCustomer}
      />

      <div class="field-row">
        <div class="field">
          <label for="deal-currency">Currency</label>
          <select
            id="deal-currency"
            value={deal.currency}
            onChange={(event) => edit({ currency: event.currentTarget.value })}
          >
            {currencyOptions.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>

        <div class="field">
          <label for="deal-stage">Stage</label>
          <select
            id="deal-stage"
            value={deal.stage}
            onChange={(event) => edit({ stage: event.currentTarget.value as DealStage })}
          >
            <option value="open">Open</option>
            <option value="won">Won</option>
            <option value="lost">Lost</option>
          </select>
        </div>
      </div>

      <h3>Lines</h3>
      <LineEditor
        lines={deal.lines}
        products={playground.products.value}
        onChange={(lines) => edit({ lines })}
      />
      <ProductSearch api={api} onFound={playground.learnProducts} onAdd={addLine} />
    </section>
  );
}
