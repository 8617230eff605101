import { randomUUID } from "node:crypto";
import { invitationLinkIn, Mailbox } from "./mailbox";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

const OPERATOR = "operator@rollcall.example";

test("an operator invites a second operator by mail and withdraws a mistaken invitation; the second signs up, is removed, and their session ends", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const mailbox = await new Mailbox().open();
  try {
    const email = `${randomUUID().slice(0, 8)}@ops.example`;
    await page.goto("/sign-in");
    await signIn(page, OPERATOR, DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Operators" }).click();
    await expect(page.getByRole("heading", { name: "Operators", level: 1 })).toBeVisible();
    const operators = page.getByRole("table", { name: "Operators" });
    await expect(operators.getByRole("row", { name: new RegExp(OPERATOR) })).toContainText("You");

    const invite = page.getByRole("form", { name: "Invite an operator" });
    await invite.getByRole("button", { name: "Invite operator" }).click();
    await expect(invite.getByText("Enter their name")).toBeVisible();
    await invite.getByLabel("Name").fill("Nia Night-shift");
    await invite.getByLabel("Email").fill(email);
    await invite.getByRole("button", { name: "Invite operator" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Invitation mailed to ${email}` })).toBeVisible();
    await expect.poll(() => mailbox.mailTo(email)).toBeTruthy();

    // An invitation sent to the wrong address is withdrawn: its link stops working.
    const wrong = `${randomUUID().slice(0, 8)}@typo.example`;
    await invite.getByLabel("Name").fill("Wrong Address");
    await invite.getByLabel("Email").fill(wrong);
    await invite.getByRole("button", { name: "Invite operator" }).click();
    await expect.poll(() => mailbox.mailTo(wrong)).toBeTruthy();
    const invitations = page.getByRole("table", { name: "Invitations" });
    await invitations.getByRole("row", { name: new RegExp(wrong) }).getByRole("button", { name: "Withdraw…" }).click();
    await invitations.getByRole("group", { name: `Confirm withdrawing ${wrong}` }).getByRole("button", { name: `Withdraw ${wrong}` }).click();
    await expect(invitations.getByRole("row", { name: new RegExp(wrong) })).toContainText("Expired");
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(new URL(invitationLinkIn(mailbox.mailTo(wrong)!)).pathname);
    await expect(stranger.getByRole("heading", { name: /expired/i })).toBeVisible();

    // The new operator sets a password from the mailed link and lands in the console.
    const second = await (await browser.newContext()).newPage();
    await second.goto(new URL(invitationLinkIn(mailbox.mailTo(email)!)).pathname);
    await second.getByLabel("Password", { exact: true }).fill("night-shift-operator-2026");
    await second.getByLabel("Confirm password").fill("night-shift-operator-2026");
    await second.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(second.getByRole("heading", { name: "Overview" })).toBeVisible();

    // The first operator removes them; the second's next page is the sign-in page.
    await page.reload();
    const row = operators.getByRole("row", { name: new RegExp(email) });
    await row.getByRole("button", { name: "Remove…" }).click();
    await row.getByRole("group", { name: `Confirm removing ${email}` }).getByRole("button", { name: `Remove ${email}` }).click();
    await expect(operators.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
    await second.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
    await expect(second).toHaveURL(/\/sign-in/);
  } finally {
    await mailbox.close();
  }
});
