import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import './actions-menu.css';

export type ActionsMenuItem = {
  /** Stable key among the items. */
  key: string;
  /** Translated, visible text of the item. */
  label: string;
  /** A DSFR icon class (fr-icon-…) shown before the label. */
  icon?: string;
  onSelect(): void;
};

/**
 * A compact button that opens a menu of actions (WAI-ARIA menu button pattern): Enter, Space or ArrowDown open it on
 * the first item, ArrowUp on the last; arrows, Home and End move; Escape closes it and gives the focus back to the
 * button; Tab or a click outside closes it. Only the button is a Tab stop, so a long table keeps one stop per row.
 */
export function ActionsMenu({
  id,
  label,
  items,
}: {
  /** Id of the button, so a caller can give it the focus back (after an undo, for instance). */
  id: string;
  /** Translated accessible name of the button; it says what the actions apply to. */
  label: string;
  items: ActionsMenuItem[];
}) {
  const menuId = `${useId()}-menu`;
  const [open, setOpen] = useState(false);
  // Which item takes the focus once the menu is shown.
  const [start, setStart] = useState<'first' | 'last'>('first');
  const [place, setPlace] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  const itemsOf = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  function show(at: 'first' | 'last') {
    setStart(at);
    setOpen(true);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }

  // Fixed placement under the button: the table's scrolling wrapper would otherwise clip the menu of the last rows.
  useLayoutEffect(() => {
    if (!open) return;
    const placeIt = () => {
      const r = button.current?.getBoundingClientRect();
      if (r) setPlace({ top: r.bottom, right: Math.max(0, document.documentElement.clientWidth - r.right) });
    };
    placeIt();
    window.addEventListener('resize', placeIt);
    window.addEventListener('scroll', placeIt, true);
    return () => {
      window.removeEventListener('resize', placeIt);
      window.removeEventListener('scroll', placeIt, true);
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const all = itemsOf();
    (start === 'first' ? all[0] : all[all.length - 1])?.focus();
    const outside = (e: PointerEvent | MouseEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open, start]);

  function onButtonKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') {
      e.preventDefault();
      show('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      show('last');
    }
  }

  function onMenuKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const all = itemsOf();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => all[(i + all.length) % all.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        move(at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(all.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        // The focus goes on from the button, as if the menu had not been opened.
        button.current?.focus();
        setOpen(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  function select(item: ActionsMenuItem) {
    close(true);
    item.onSelect();
  }

  return (
    <div className="mediane-actions-menu">
      <button
        ref={button}
        id={id}
        type="button"
        className="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-more-line"
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onKeyDown={onButtonKeyDown}
        onClick={() => (open ? close(false) : show('first'))}
      >
        {label}
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-labelledby={id}
          className="mediane-actions-menu__list"
          style={place ? { top: place.top, right: place.right } : undefined}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={`fr-btn fr-btn--sm fr-btn--tertiary-no-outline${item.icon ? ` ${item.icon} fr-btn--icon-left` : ''}`}
                onClick={() => select(item)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
