import { useEffect, useMemo } from 'preact/hooks';
import type { Customer } from '../../shared/api.ts';
import type { Api } from '../api.ts';
import { createLatestRequest } from '../latest-request.ts';

interface CustomerPickerProps {
  api: Api;
  known: ReadonlyMap<string, Customer>;
  customerId: string;
  onFound: (customers: Customer[]) => void;
  onChange: (customer: Customer) => void;
}

/** A search box that narrows a list of ERP customers; the list is a plain select. */
export function CustomerPicker({ api, known, customerId, onFound, onChange }: CustomerPickerProps) {
  const search = useMemo(
    () => createLatestRequest((q: string, abort) => api.searchCustomers(q, abort)),
    [api],
  );

  useEffect(() => () => search.cancel(), [search]);

  const found = search.result.value?.customers;
  useEffect(() => {
    if (found) onFound(found);
  }, [found]);

  const options = found ?? [...known.values()];
  const current = known.get(customerId);
  const missing = current && !options.some((customer) => customer.id === current.id);
  const shown = missing ? [current, ...options] : options;

  return (
    <div class="field">
      <label for="customer-search">Customer</label>
      <input
        id="customer-search"
        type="search"
        placeholder="Search customers"
        onInput={(event) => search.schedule(event.currentTarget.value)}
      />
      <select
        aria-label="Customer"
        value={customerId}
        onChange={(event) => {
          const chosen = shown.find((c) => c.id === event.currentTarget.value);
          if (chosen) onChange(chosen);
        }}
      >
        {!current && <option value={customerId}>{customerId || 'Choose a customer'}</option>}
        {shown.map((customer) => (
          <option key={customer.id} value={customer.id}>
            {customer.name} ({customer.code})
          </option>
        ))}
      </select>
    </div>
  );
}
