import { maskPhone, normalizePhone } from '@fenji/shared/src/phone';
import { LANDING_IDS, LEAD_FIELDS, fieldErrorId, fieldId, type LeadField } from './dom-ids';
import { validateLeadField, type LeadFormInput } from './lead-form.rules';
import type { Listen } from './client-listen';
import type { DeliveryResult, Outbox } from './client-outbox';
import type { LeadBody, LeadStore, OutboxEntry } from './client-storage';

const MESSAGES = {
  sending: '正在发送…',
  checkFields: '请按提示修改后再发送',
  retrying: '网络不太好，正在重试…',
} as const;

const EXTRA_FIELDS = ['company', 'city', 'preferred_time'] as const;

/** One form fill's key, so a retried or double-sent submission creates one lead. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface LeadFormContext {
  doc: Document;
  store: LeadStore;
  outbox: Outbox;
  pageKey: string;
  shareCode: string;
  leadsUrl: string;
  /** The visitor cookie's id, read when first needed. */
  visitorId: () => string | undefined;
  /** Called when the form is opened (first focus) and when a lead is sent (the page hides its CTA bar). */
  onFormOpen: () => void;
  onSent: () => void;
}

/**
 * The lead section's states: fill (the form) → pending (saved, waiting for the network) → done (the confirmation).
 * A returning visitor starts at `returning`. In `pending` and `done` the form is gone from the page, so it cannot
 * be sent twice; the entry's idempotency key makes the retries one lead.
 */
export class LeadFormController {
  private readonly el = (id: string) => this.ctx.doc.getElementById(id);
  private readonly touched = new Set<LeadField>();
  private form: HTMLFormElement | null;
  private currentKey: string | null = null;
  private opened = false;

  constructor(private readonly ctx: LeadFormContext) {
    const form = this.el(LANDING_IDS.form);
    this.form = form && form.tagName === 'FORM' ? (form as HTMLFormElement) : null;
  }

  private field(name: LeadField): HTMLInputElement | null {
    return this.ctx.doc.getElementById(fieldId(name)) as HTMLInputElement | null;
  }

  private values(): LeadFormInput {
    const v = (name: LeadField) => this.field(name)?.value ?? '';
    return { name: v('name'), phone: v('phone'), message: v('message'), company: v('company'), city: v('city'), preferred_time: v('preferred_time'), consent: this.field('consent')?.checked ?? false };
  }

  private show(panel: 'fill' | 'pending' | 'done' | 'returning'): void {
    const ids = { fill: LANDING_IDS.fill, pending: LANDING_IDS.pending, done: LANDING_IDS.done, returning: LANDING_IDS.returning };
    for (const [name, id] of Object.entries(ids)) {
      const el = this.el(id);
      if (el) el.hidden = name !== panel;
    }
  }

  private setStatus(text: string, state?: 'ok' | 'bad'): void {
    const status = this.el(LANDING_IDS.status);
    if (!status) return;
    status.textContent = text;
    status.className = state ?? '';
  }

  private showFieldError(name: LeadField, message: string): void {
    const errorEl = this.ctx.doc.getElementById(fieldErrorId(name));
    if (errorEl) errorEl.textContent = message;
    const input = this.field(name);
    if (!input) return;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  /** Checks one field as the user types (once they have left it, or once it showed an error) and on leaving it. */
  private check(name: LeadField, force: boolean): void {
    if (!this.field(name)) return;
    if (!force && !this.touched.has(name)) return;
    this.showFieldError(name, validateLeadField(name, this.values()));
  }

  /** Wires the form: validation as the user types, form_open, submit, 重新填写. */
  start(on: Listen): void {
    const form = this.form;
    if (!form) return;
    form.noValidate = true; // our messages, in Chinese, next to each field
    on(form, 'focusin', () => {
      if (this.opened) return;
      this.opened = true;
      this.ctx.onFormOpen();
    });
    on(form, 'input', (event) => {
      const name = this.fieldOf(event.target);
      if (name) this.check(name, false);
    });
    on(form, 'change', (event) => {
      const name = this.fieldOf(event.target);
      if (name === 'consent') this.check(name, true);
    });
    on(form, 'focusout', (event) => {
      const name = this.fieldOf(event.target);
      if (!name || name === 'consent') return;
      // An empty field left on the way through is not an error yet; a typed one is checked.
      if (!this.touched.has(name) && !(this.field(name)?.value ?? '').trim()) return;
      this.touched.add(name);
      this.check(name, true);
    });
    on(form, 'submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    const again = this.el(LANDING_IDS.again);
    if (again) on(again, 'click', () => this.fillAgain());
  }

  private fieldOf(target: EventTarget | null): LeadField | null {
    const id = (target as Element | null)?.id ?? '';
    return LEAD_FIELDS.find((name) => fieldId(name) === id) ?? null;
  }

  /** Shows the right panel for what this device remembers of this page. */
  restore(): void {
    if (this.currentKey || !this.form) return; // already sending or sent in this page view
    const pending = this.ctx.store.outbox().find((e) => e.pageKey === this.ctx.pageKey);
    if (pending) {
      this.currentKey = pending.body.idempotencyKey;
      this.fillFrom(pending.body);
      this.show('pending');
      return;
    }
    const sent = this.ctx.store.sent(this.ctx.pageKey);
    if (sent && this.form) {
      this.useOptOutUrl(sent.optOutUrl);
      this.show('returning');
    }
  }

  private fillAgain(): void {
    this.show('fill');
    this.field('name')?.focus();
  }

  private fillFrom(body: LeadBody): void {
    const set = (name: LeadField, value: string | undefined) => {
      const input = this.field(name);
      if (input && value !== undefined) input.value = value;
    };
    set('name', body.name);
    set('phone', body.phone);
    set('message', body.message);
    for (const name of EXTRA_FIELDS) set(name, body.fields?.[name]);
  }

  async submit(): Promise<void> {
    if (!this.form || this.currentKey) return; // one entry at a time; pending and done have no form to send
    const values = this.values();
    let firstInvalid: LeadField | null = null;
    for (const name of LEAD_FIELDS) {
      if (!this.field(name)) continue;
      this.touched.add(name);
      const message = validateLeadField(name, values);
      this.showFieldError(name, message);
      if (message && !firstInvalid) firstInvalid = name;
    }
    if (firstInvalid) {
      this.setStatus(MESSAGES.checkFields, 'bad');
      this.field(firstInvalid)?.focus();
      return;
    }

    const fields: Record<string, string> = {};
    for (const name of EXTRA_FIELDS) {
      const value = (values[name] ?? '').trim();
      if (value) fields[name] = value;
    }
    const message = values.message.trim();
    const visitorId = this.ctx.visitorId();
    const consentVersion = (this.form.elements.namedItem('consentVersion') as HTMLInputElement | null)?.value;
    const body: LeadBody = {
      shareCode: this.ctx.shareCode,
      name: values.name.trim(),
      phone: normalizePhone(values.phone) ?? values.phone,
      consent: true,
      idempotencyKey: newIdempotencyKey(),
      ...(message ? { message } : {}),
      ...(Object.keys(fields).length ? { fields } : {}),
      ...(visitorId ? { visitorId } : {}),
      ...(consentVersion ? { consentVersion } : {}),
    };
    this.currentKey = body.idempotencyKey;
    const submit = this.el(LANDING_IDS.submit) as HTMLButtonElement | null;
    if (submit) submit.disabled = true;
    this.setStatus(MESSAGES.sending);
    await this.ctx.outbox.add({ url: this.ctx.leadsUrl, body, pageKey: this.ctx.pageKey, savedAt: Date.now() });
  }

  /** The outbox's answer for any entry; only this page's are shown. */
  onResult(entry: OutboxEntry, result: DeliveryResult): void {
    if (result.kind === 'sent') this.ctx.store.markSent(entry.pageKey, { at: Date.now(), ...(result.optOutUrl ? { optOutUrl: result.optOutUrl } : {}) });
    if (entry.body.idempotencyKey !== this.currentKey) return;
    const submit = this.el(LANDING_IDS.submit) as HTMLButtonElement | null;
    if (result.kind === 'sent') {
      this.currentKey = null;
      this.showDone(entry.body.phone, result.optOutUrl);
      return;
    }
    if (result.kind === 'retry') {
      this.show('pending');
      return;
    }
    // Refused: back to the form with what they typed and the server's words; a new fill gets a new key.
    this.currentKey = null;
    this.fillFrom(entry.body);
    this.show('fill');
    if (submit) submit.disabled = false;
    this.setStatus(result.message, 'bad');
  }

  private showDone(phone: string, optOutUrl: string | undefined): void {
    const phoneEl = this.el(LANDING_IDS.donePhone);
    if (phoneEl) {
      phoneEl.textContent = `通过 ${maskPhone(phone)} `;
      phoneEl.hidden = false;
    }
    this.useOptOutUrl(optOutUrl);
    this.form?.remove(); // the confirmation replaces the form: nothing left to send twice
    this.form = null;
    this.show('done');
    this.ctx.onSent();
  }

  /** The submitter's own signed 不再联系 link replaces the public one on this page. */
  private useOptOutUrl(url: string | undefined): void {
    if (!url) return;
    const win = this.ctx.doc.defaultView;
    let safe: string;
    try {
      const parsed = new URL(url, win?.location.href);
      if (!win || parsed.origin !== win.location.origin) return; // only this site's own page
      safe = parsed.href;
    } catch {
      return;
    }
    url = safe;
    const done = this.el(LANDING_IDS.doneOptOut) as HTMLAnchorElement | null;
    if (done) done.href = url;
    for (const link of Array.from(this.ctx.doc.querySelectorAll<HTMLAnchorElement>('a[data-optout]'))) link.href = url;
  }
}
