import { Card } from "@/components/ui/card";
import { CustomIntegrationList } from "./custom-integration-list";
import { RegisterIntegrationForm } from "./register-integration-form";

/** The custom integrations page body: register a server, then manage the registered ones. */
export function CustomIntegrationsManager() {
  return (
    <>
      <section id="register" aria-labelledby="register-title" className="scroll-mt-6">
        <h2 id="register-title" className="mb-3 text-base font-semibold">
          Register an integration
        </h2>
        <Card className="p-4">
          <RegisterIntegrationForm />
        </Card>
      </section>
      <section aria-labelledby="registered-title" className="mt-10">
        <h2 id="registered-title" className="mb-3 text-base font-semibold">
          Registered integrations
        </h2>
        <CustomIntegrationList />
      </section>
    </>
  );
}
