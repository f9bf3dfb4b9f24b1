"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ExpressionScope } from "./expression-scope";

const EMPTY: ExpressionScope = { slug: "", upstream: new Map(), slugs: new Set() };

const ExpressionScopeContext = createContext<ExpressionScope>(EMPTY);

/** Gives every expression editor below it the scope of the node being edited. */
export function ExpressionScopeProvider({ scope, children }: { scope: ExpressionScope; children: ReactNode }) {
  return <ExpressionScopeContext.Provider value={scope}>{children}</ExpressionScopeContext.Provider>;
}

/** The scope of the enclosing ExpressionScopeProvider; nothing readable outside one. */
export function useExpressionScope(): ExpressionScope {
  return useContext(ExpressionScopeContext);
}
