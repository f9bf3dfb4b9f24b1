"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api/api-fetch";
import { useSetupMutation } from "@/lib/api/account-mutations";
import { fieldErrors, FormField } from "./form-field";

const EMPTY = { code: "", name: "", email: "", password: "", workspaceName: "" };

/** The first run: the setup code from the console, the owner's account and the first workspace. */
export function SetupForm() {
  const router = useRouter();
  const setup = useSetupMutation();
  const [values, setValues] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));
  const errors = fieldErrors(setup.error instanceof ApiError ? setup.error.problems : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate(values, { onSuccess: () => router.replace("/integrations") });
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Set up Relay">
      {setup.error && !Object.keys(errors).length && <Alert title="Could not set up">{setup.error.message}</Alert>}
      <FormField
        id="code"
        label="Setup code"
        hint="Printed by npm start, and in DATA_DIR/setup-code on the server"
        required
        autoFocus
        autoComplete="one-time-code"
        value={values.code}
        error={errors.code}
        onChange={set("code")}
      />
      <FormField id="name" label="Your name" required autoComplete="name" value={values.name} error={errors.name} onChange={set("name")} />
      <FormField id="email" label="Email" type="email" required autoComplete="username" value={values.email} error={errors.email} onChange={set("email")} />
      <FormField
        id="password"
        label="Password"
        type="password"
        required
        minLength={10}
        autoComplete="new-password"
        hint="At least 10 characters"
        value={values.password}
        error={errors.password}
        onChange={set("password")}
      />
      <FormField id="workspaceName" label="Workspace name" required value={values.workspaceName} error={errors.workspaceName} onChange={set("workspaceName")} />
      <Button type="submit" className="w-full" disabled={setup.isPending || setup.isSuccess}>
        {setup.isPending || setup.isSuccess ? "Creating…" : "Create account and workspace"}
      </Button>
    </form>
  );
}
