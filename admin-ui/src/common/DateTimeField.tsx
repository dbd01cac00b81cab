import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
};

/** An instant in the browser's time zone, formatted for the selected UI language. */
export const DateTimeField = (props: Omit<DateFieldProps, 'showTime' | 'locales' | 'options'>) => {
  const [locale] = useLocaleState();
  return <DateField {...props} showTime locales={locale} options={dateTimeOptions} />;
};
