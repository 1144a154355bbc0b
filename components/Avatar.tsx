import { initials } from "@/lib/format";

type Props = { name: string; picture?: string; size?: number };

/**
 * The author's picture or, where there is none, their initials. Either way it carries a text
 * alternative naming them.
 */
export function Avatar({ name, picture, size = 44 }: Props) {
  if (picture) {
    return (
      // A small, fixed-size image: next/image would ship client JavaScript for no gain here.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={picture}
        alt={name}
        width={size}
        height={size}
        className="shrink-0 rounded-full object-cover"
      />
    );
  }
  return (
    <span
      role="img"
      aria-label={name}
      className="initials"
      style={{ width: size, height: size, fontSize: size * 0.38 }}
    >
      <span aria-hidden="true">{initials(name)}</span>
    </span>
  );
}
