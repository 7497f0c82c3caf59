'use client';
// The editor toolbar's language picker, shared by the problem workspace and the playground.

export interface LanguageOption {
  id: string;
  label: string;
}

export function LanguageSelect(props: {
  value: string;
  options: LanguageOption[];
  onChange: (id: string) => void;
}) {
  return (
    <label className="field inline">
      <span className="sr-only">Language</span>
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-label="Language"
        data-testid="language"
      >
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
