using System.Text;
using System.Text.RegularExpressions;

namespace CowHealth.Tests.Compose;

/// <summary>
/// A .dockerignore as Docker applies it to the build context: patterns in Go's filepath.Match
/// syntax plus <c>**</c>, a leading <c>!</c> re-includes, the last matching line wins, and a
/// pattern that matches a folder excludes everything in it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly IReadOnlyList<(Regex Pattern, bool Excludes)> _rules;

    private DockerIgnore(IReadOnlyList<(Regex, bool)> rules) => _rules = rules;

    public static DockerIgnore Read(string path) => Parse(File.Exists(path) ? File.ReadAllText(path) : "");

    public static DockerIgnore Parse(string text) => new(
        text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.StartsWith('!') ? (Pattern: line[1..].Trim(), Excludes: false) : (Pattern: line, Excludes: true))
            .Select(rule => (ToRegex(Clean(rule.Pattern)), rule.Excludes))
            .ToList());

    /// <summary>Whether a path of the context (relative, '/'-separated) stays out of the build.</summary>
    public bool Excludes(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Trim('/');
        var excluded = false;
        foreach (var (pattern, excludes) in _rules)
        {
            if (MatchesItselfOrAParent(pattern, path))
            {
                excluded = excludes;
            }
        }

        return excluded;
    }

    private static bool MatchesItselfOrAParent(Regex pattern, string path)
    {
        for (var candidate = path; candidate.Length > 0; candidate = candidate.Contains('/') ? candidate[..candidate.LastIndexOf('/')] : "")
        {
            if (pattern.IsMatch(candidate))
            {
                return true;
            }
        }

        return false;
    }

    // As Docker does: filepath.Clean, without a leading slash.
    private static string Clean(string pattern)
    {
        var parts = new List<string>();
        foreach (var part in pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches any number of folders, none included; a final "**" matches everything.
                var slashFollows = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slashFollows ? "(.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[')
            {
                var end = pattern.IndexOf(']', i + 1);
                regex.Append(end < 0 ? "\\[" : "[" + pattern[(i + 1)..end] + "]");
                i = end < 0 ? i : end;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
