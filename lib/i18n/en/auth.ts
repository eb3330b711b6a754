import type { Shape } from "../shape";
import type { auth as zh } from "../zh-CN/auth";

export const auth: Shape<typeof zh> = {
  signIn: {
    title: "Sign in",
    intro: "Enterprise members, experts, station staff and law society admins all sign in here.",
    email: "E-mail",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    wrong: "The e-mail or password is not correct.",
    locked: "Too many attempts. Try again in {minutes} minutes.",
    noAccount: "Your company has no account yet?",
    registerLink: "Register your company",
    demoHint: "Demo accounts (password demo-pass-2026):",
  },
  signOut: { title: "Sign out", body: "Do you want to sign out?", submit: "Sign out" },
  register: {
    title: "Register your company",
    intro: "Once registered you can file legal requests online and follow them. Use the details on your business licence.",
    companyName: "Company name",
    creditCode: "Unified social credit code",
    creditCodeHint: "18 characters, on the business licence. Lower-case or full-width characters are converted for you.",
    contactName: "Contact person",
    email: "E-mail (to sign in)",
    phone: "Phone (optional)",
    password: "Password",
    passwordHint: "At least 10 characters.",
    submit: "Register",
    submitting: "Registering…",
    done: "Registered. Signing you in…",
    haveAccount: "Already registered?",
  },
};
