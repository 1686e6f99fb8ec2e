import { notFound } from "next/navigation";

/** Any other address under a language is the language's own "not found" page. */
export default function UnknownPage() {
  notFound();
}
