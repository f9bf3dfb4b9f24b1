import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Settings" description="The workspace's members, API tokens and audit log." />
      <SettingsTabs />
      {children}
    </div>
  );
}
