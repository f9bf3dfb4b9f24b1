/** The asterisk after a required field's label or a required group's title; screen readers get `required` from the control. */
export function RequiredMark({ required }: { required?: boolean }) {
  if (!required) return null;
  return (
    <span aria-hidden className="ml-0.5 text-danger">
      *
    </span>
  );
}
