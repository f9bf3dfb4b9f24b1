// A page inside the app that calls notFound() keeps the shell around the same message.
export { default } from "../not-found";
