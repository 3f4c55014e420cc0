using Microsoft.Playwright;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// WCAG 1.4.10 (reflow) on the page as it is now: the page does not scroll sideways, and every control that can be
/// seen lies inside the window, or inside a box that scrolls sideways on its own (a wide data table, which 1.4.10
/// allows, or Web Chat's row of suggested actions, scrolled by its arrows and by the focus) and that itself lies inside
/// the window.
/// </summary>
public static class Reflow
{
    private const string Problems = """
        () => {
          const width = document.documentElement.clientWidth;
          const problems = [];
          if (document.documentElement.scrollWidth > width) {
            problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + width + ' px window');
          }
          const inside = rect => rect.left >= -1 && rect.right <= width + 1;
          const scroller = node => {
            for (let parent = node.parentElement; parent; parent = parent.parentElement) {
              const overflow = getComputedStyle(parent).overflowX;
              if (overflow !== 'visible' && overflow !== 'clip' && parent.scrollWidth > parent.clientWidth) { return parent; }
            }
            return null;
          };
          const name = node => node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + ' "' + (node.getAttribute('aria-label') || node.textContent || '').trim().slice(0, 40) + '"';
          for (const node of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')) {
            const rect = node.getBoundingClientRect();
            // A skip link waits far to the left of the page until it has the focus: not content that fails to reflow.
            if (rect.width === 0 || rect.height === 0 || rect.right <= 0 || getComputedStyle(node).visibility === 'hidden') { continue; }
            const box = scroller(node);
            if (box ? !inside(box.getBoundingClientRect()) : !inside(rect)) {
              problems.push(name(node) + ' lies outside the window (' + Math.round(rect.left) + ' to ' + Math.round(rect.right) + ' px)');
            }
          }
          return problems;
        }
        """;

    /// <summary>What breaks reflow on the page now, one line each, named after <paramref name="where"/>.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = await page.EvaluateAsync<string[]>(Problems);
        return problems.Select(p => where + ": " + p).ToList();
    }
}
