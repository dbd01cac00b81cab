// The API's rule (api/suggestions/suggestions.schemas.ts): a phone number or an e-mail address.
const phone = /^\+?[0-9][0-9 -]{4,18}[0-9]$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A react-admin validator: optional contacts pass when empty. */
export const validContact = (value: unknown) => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  return phone.test(text) || email.test(text) ? undefined : 'app.public.contact_invalid';
};
