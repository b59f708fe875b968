import type { Deal, Product } from '../../shared/api.ts';
import { isQuantity } from '../state.ts';

type Line = Deal['lines'][number];

interface LineEditorProps {
  lines: Line[];
  products: ReadonlyMap<string, Product>;
  onChange: (lines: Line[]) => void;
}

/** The deal's lines: a quantity field and a remove button each. */
export function LineEditor({ lines, products, onChange }: LineEditorProps) {
  function setQuantity(lineId: string, quantity: string): void {
    onChange(lines.map((line) => (line.lineId === lineId ? { ...line, quantity } : line)));
  }

  function remove(lineId: string): void {
    onChange(lines.filter((line) => line.lineId !== lineId));
  }

  if (lines.length === 0) return <p class="muted">No lines yet. Add a product below.</p>;

  return (
    <table class="line-editor">
      <caption class="visually-hidden">Lines</caption>
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Quantity</th>
          <th scope="col">
            <span class="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const product = products.get(line.productId);
          const name = product ? `${product.name} (${product.code})` : line.productId;
          const valid = isQuantity(line.quantity);
          const inputId = `quantity-${line.lineId}`;

          return (
            <tr key={line.lineId}>
              <th scope="row">
                <label for={inputId}>{name}</label>
              </th>
              <td>
                <input
                  id={inputId}
                  class="quantity"
                  inputMode="decimal"
                  value={line.quantity}
                  aria-invalid={!valid}
                  aria-describedby={valid ? undefined : `${inputId}-hint`}
                  onInput={(event) => setQuantity(line.lineId, event.currentTarget.value.trim())}
                />{' '}
                {product?.unit}
                {!valid && (
                  <div id={`${inputId}-hint`} class="warning-text">
                    Enter a quantity above zero, e.g. 3 or 2.5
                  </div>
                )}
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove ${name}`}
                  onClick={() => remove(line.lineId)}
                >
                  Remove
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
