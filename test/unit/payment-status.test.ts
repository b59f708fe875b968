import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import type { ErpInvoice } from '../../server/erp/port.ts';
import { accountPayments, invoiceStatus } from '../../server/mapping/payment-status.ts';

const mapping = parseConfig({}).mapping;
const today = '2026-12-04';
const invoice = (over: Partial<ErpInvoice>): ErpInvoice => ({
  customerId: 'C',
  number: 'INV-1',
  invoiceDate: '2026-11-01',
  dueDate: '2026-12-01',
  currency: 'EUR',
  total: '100.00',
  open: '100.00',
  state: 'posted',
  dunningLevel: 0,
  ...over,
});

describe('invoice payment status', () => {
  it('calls an open invoice past its due date overdue, with the days', () => {
    expect(invoiceStatus(invoice({}), mapping, today)).toMatchObject({
      status: 'overdue',
      daysOverdue: 3,
    });
  });

  it('does not call an invoice due today overdue', () => {
    expect(invoiceStatus(invoice({ dueDate: today }), mapping, today).status).toBe('open');
  });

  it('calls a partly paid invoice before its due date partially paid', () => {
    expect(
      invoiceStatus(invoice({ dueDate: '2026-12-31', open: '40.00' }), mapping, today).status,
    ).toBe('partially_paid');
  });

  it('calls an invoice with nothing open paid, whatever its state word', () => {
    expect(invoiceStatus(invoice({ open: '0' }), mapping, today).status).toBe('paid');
  });

  it('follows the configured map for state words', () => {
    const custom = {
      ...mapping,
      invoiceStates: { ...mapping.invoiceStates, storno: 'reversed' as const },
    };
    const s = invoiceStatus(invoice({ state: 'storno' }), custom, today);
    expect(s.status).toBe('reversed');
    expect(s.open.amount).toBe('0.00');
  });

  it('keeps due dates as calendar dates across a month end', () => {
    expect(
      invoiceStatus(invoice({ dueDate: '2026-11-30' }), mapping, '2026-12-01').daysOverdue,
    ).toBe(1);
  });
});

describe('account payment picture', () => {
  it('takes the worst status and the highest dunning level over open invoices', () => {
    const p = accountPayments(
      [
        invoice({ number: 'A', dueDate: '2026-12-31', open: '40.00' }),
        invoice({ number: 'B', dunningLevel: 2 }),
        invoice({ number: 'C', open: '0', state: 'paid', dunningLevel: 3 }),
      ],
      'EUR',
      mapping,
      today,
    );
    expect(p).toMatchObject({
      status: 'overdue',
      dunningLevel: 2,
      dunningLabel: 'Second reminder',
      openAmount: { amount: '140.00', currency: 'EUR' },
      overdueAmount: { amount: '100.00', currency: 'EUR' },
    });
  });

  it('is paid when nothing is open', () => {
    expect(accountPayments([], 'EUR', mapping, today)).toMatchObject({
      status: 'paid',
      dunningLevel: 0,
      dunningLabel: null,
    });
  });
});
