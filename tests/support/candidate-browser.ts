import type { Browser, Page } from 'playwright-core';

/** Replaces the open file's text through the editor itself, as a paste would. */
export async function typeIntoEditor(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

export async function waitSaved(page: Page) {
  await page.getByRole('status', { name: 'Save status' }).filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
}

/**
 * Opens an invitation link in a browser of its own, starts, and writes each file through the editor (creating
 * the ones the starter does not have). Returns the page on the workspace with everything saved.
 */
export async function startAndWrite(browser: Browser, link: string, files: Record<string, string>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('button', { name: /Start the assessment/ }).click();
  await page.getByRole('timer', { name: 'Time left' }).waitFor();
  for (const [path, content] of Object.entries(files)) {
    const existing = page.getByRole('button', { name: path, exact: true });
    if (await existing.count()) {
      await existing.click();
    } else {
      await page.getByRole('button', { name: 'New file' }).click();
      await page.getByLabel('Path').fill(path);
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('button', { name: path, exact: true }).click();
    }
    await typeIntoEditor(page, content);
    await waitSaved(page);
  }
  return page;
}

/** Submits from the workspace, then answers the survey. */
export async function submitWithSurvey(page: Page, survey: { minutes: number; difficulty: number; clarity: number; comments: string }) {
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('button', { name: 'Submit now' }).click();
  await page.getByRole('heading', { name: 'Your work is submitted' }).waitFor();
  await answerSurvey(page, survey);
}

export async function answerSurvey(page: Page, survey: { minutes: number; difficulty: number; clarity: number; comments: string }) {
  await page.getByLabel('Minutes you actually spent').fill(String(survey.minutes));
  // Mantine's Rating starts with a hidden label for 0 (no rating), so the nth label is the value n.
  await page.locator('[aria-labelledby="difficulty-label"] label').nth(survey.difficulty).click();
  await page.locator('[aria-labelledby="clarity-label"] label').nth(survey.clarity).click();
  await page.getByLabel('Anything else').fill(survey.comments);
  await page.getByRole('button', { name: 'Send answers' }).click();
  await page.getByText('Thank you for answering the survey.').waitFor();
}
