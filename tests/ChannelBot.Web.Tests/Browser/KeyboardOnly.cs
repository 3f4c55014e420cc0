using Microsoft.Playwright;

namespace ChannelBot.Web.Tests.Browser;

/// <summary>
/// A person who uses only the keyboard: moves with Tab or Shift+Tab until a control has the focus, and at every stop
/// checks that the focus can be seen (WCAG 2.4.7): an outline of at least 2 px whose colour stands out 3:1 against the
/// background around the control (1.4.11). A control inside a same-origin frame is checked in its frame.
/// </summary>
public static class KeyboardOnly
{
    /// <summary>The most Tab presses a test may need to reach a control; more means the control is not in the tab order.</summary>
    public const int MostPresses = 80;

    // The focused element's outline against the first opaque background of its parents (the outline is drawn outside
    // it): null when it is visible, else what is wrong.
    private const string FocusProblem = """
        () => {
          // Into a same-origin frame (the sandbox's web chat): the focus is on a control inside it.
          let node = document.activeElement;
          while (node && node.tagName === 'IFRAME' && node.contentDocument && node.contentDocument.activeElement) { node = node.contentDocument.activeElement; }
          const getComputedStyle = node ? node.ownerDocument.defaultView.getComputedStyle : window.getComputedStyle;
          if (!node || node === node.ownerDocument.body) { return 'nothing has the focus'; }
          const name = node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + ' "' + (node.getAttribute('aria-label') || node.textContent || node.value || '').trim().slice(0, 40) + '"';
          const style = getComputedStyle(node);
          if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) { return name + ': no focus outline (' + style.outlineStyle + ' ' + style.outlineWidth + ')'; }
          const rgba = text => (text.match(/[\d.]+/g) || []).map(Number);
          const luminance = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          let background = [255, 255, 255];
          for (let parent = node.parentElement; parent; parent = parent.parentElement) {
            const colour = rgba(getComputedStyle(parent).backgroundColor);
            if (colour.length === 3 || colour[3] > 0) { background = colour; break; }
          }
          const a = luminance(rgba(style.outlineColor)), b = luminance(background);
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          return ratio >= 3 ? null : name + ': focus outline ' + style.outlineColor + ' on rgb(' + background.join(',') + ') is ' + ratio.toFixed(2) + ':1';
        }
        """;

    /// <summary>Presses Tab (Shift+Tab when <paramref name="backwards"/>) until <paramref name="target"/> has the focus, checking the focus is visible at each stop.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, bool backwards = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        for (var presses = 0; presses < MostPresses; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var problem = await page.EvaluateAsync<string?>(FocusProblem);
            Assert.True(problem is null || problem == "nothing has the focus", "The focus cannot be seen: " + problem);
            if (await target.EvaluateAsync<bool>("node => node === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{MostPresses} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {target}.");
    }

    /// <summary>Presses <paramref name="key"/> on the focused control until <paramref name="done"/> holds for it (an option chosen with the arrow keys).</summary>
    public static async Task PressUntilAsync(IPage page, string key, string done)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var presses = 0; presses < MostPresses; presses++)
        {
            if (await page.EvaluateAsync<bool>($"() => {{ const node = document.activeElement; return ({done})(node); }}"))
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        Assert.Fail($"{MostPresses} presses of {key} never made {done} true.");
    }
}
