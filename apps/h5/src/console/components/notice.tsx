/** A failure message from the API, or nothing. */
export function ErrorNotice({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  ) : null;
}
