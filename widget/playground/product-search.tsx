import { useEffect, useMemo } from 'preact/hooks';
import type { Product } from '../../shared/api.ts';
import type { Api } from '../api.ts';
import { describeError } from '../error-words.ts';
import { formatMoney } from '../format-money.ts';
import { createLatestRequest } from '../latest-request.ts';

interface ProductSearchProps {
  api: Api;
  onFound: (products: Product[]) => void;
  onAdd: (product: Product) => void;
}

/** Search the ERP catalogue and add a product as a new line. */
export function ProductSearch({ api, onFound, onAdd }: ProductSearchProps) {
  const search = useMemo(
    () => createLatestRequest((q: string, abort) => api.searchProducts(q, 10, abort)),
    [api],
  );

  useEffect(() => () => search.cancel(), [search]);

  const found = search.result.value?.products;
  useEffect(() => {
    if (found) onFound(found);
  }, [found]);

  const error = search.error.value;

  return (
    <div class="field product-search">
      <label for="product-search">Add product</label>
      <input
        id="product-search"
        type="search"
        placeholder="Name or code"
        autocomplete="off"
        onInput={(event) => {
          const q = event.currentTarget.value.trim();
          if (q) search.schedule(q);
          else search.reset();
        }}
      />
      {error && <p class="warning">{describeError(error)}</p>}
      {found && (
        <ul class="results" aria-live="polite" aria-label="Products found">
          {found.length === 0 && <li class="muted">No product matches.</li>}
          {found.map((product) => (
            <li key={product.id}>
              <button type="button" onClick={() => onAdd(product)}>
                Add <strong>{product.name}</strong>{' '}
                <span class="muted">
                  {product.code} · {formatMoney(product.listPrice)} per {product.unit}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
