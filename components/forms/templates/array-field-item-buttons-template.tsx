"use client";

import { buttonId, type ArrayFieldItemButtonsTemplateProps, type FormContextType, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";
import { ArrowDown, ArrowUp, Copy, Trash2, type LucideIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Move, copy and remove buttons of a list item, named by their text: "Remove item 1". */
export function ArrayFieldItemButtonsTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: ArrayFieldItemButtonsTemplateProps<T, S, F>,
) {
  const { index, fieldPathId, disabled, readonly, hasMoveUp, hasMoveDown, hasCopy, hasRemove, onMoveUpItem, onMoveDownItem, onCopyItem, onRemoveItem } = props;
  const off = disabled || readonly;
  const item = `item ${index + 1}`;
  return (
    <>
      {(hasMoveUp || hasMoveDown) && (
        <>
          <ItemButton id={buttonId(fieldPathId, "moveUp")} icon={ArrowUp} text={`Move ${item} up`} disabled={off || !hasMoveUp} onClick={onMoveUpItem} />
          <ItemButton id={buttonId(fieldPathId, "moveDown")} icon={ArrowDown} text={`Move ${item} down`} disabled={off || !hasMoveDown} onClick={onMoveDownItem} />
        </>
      )}
      {hasCopy && <ItemButton id={buttonId(fieldPathId, "copy")} icon={Copy} text={`Copy ${item}`} disabled={off} onClick={onCopyItem} />}
      {hasRemove && <ItemButton id={buttonId(fieldPathId, "remove")} icon={Trash2} text={`Remove ${item}`} disabled={off} onClick={onRemoveItem} danger />}
    </>
  );
}

function ItemButton({ id, icon: Icon, text, disabled, onClick, danger }: { id: string; icon: LucideIcon; text: string; disabled?: boolean; onClick(): void; danger?: boolean }) {
  return (
    <Button id={id} variant="ghost" size="sm" className={danger ? "w-8 px-0 hover:text-danger" : "w-8 px-0"} disabled={disabled} onClick={onClick} title={text}>
      <Icon aria-hidden className="size-4" />
      <span className="sr-only">{text}</span>
    </Button>
  );
}
