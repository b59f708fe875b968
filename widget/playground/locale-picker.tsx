interface LocalePickerProps {
  locale: string;
  onChange: (locale: string) => void;
}

/** The widget's language, as a CRM would set it from the rep's profile. */
export function LocalePicker({ locale, onChange }: LocalePickerProps) {
  return (
    <label class="locale-picker">
      Widget language{' '}
      <select value={locale} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">Browser</option>
        <option value="en-US">English</option>
        <option value="de-DE">Deutsch</option>
      </select>
    </label>
  );
}
