// Draws StoryBot's Teams icons: a speech bubble holding an opening quotation mark ("StoryBot quotes the
// story back to you"), with two text lines beneath it (the news article). Paths only, no fonts, so the
// output does not depend on the fonts installed on the machine.
//
// Usage: dotnet run --project tools/TeamsIcons -- [output folder, default: teams]
using SkiaSharp;

var outDir = args.Length > 0 ? args[0] : "teams";
Directory.CreateDirectory(outDir);

// Brand colour: also the manifest's accentColor (teams/manifest.template.json). Keep the two in sync.
var brand = SKColor.Parse("#1F5FAD");

WritePng(Path.Combine(outDir, "color.png"), DrawColor(192, brand));
WritePng(Path.Combine(outDir, "outline.png"), DrawOutline(32));
Console.WriteLine($"wrote {Path.Combine(outDir, "color.png")} and {Path.Combine(outDir, "outline.png")}");

// Full-colour icon: full-bleed brand background (Teams rounds the corners itself), white symbol in the
// middle, about 112 px wide as Teams' design guidance asks for a centred symbol with generous padding.
static SKBitmap DrawColor(int size, SKColor brand)
{
    var bmp = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
    using var canvas = new SKCanvas(bmp);
    canvas.Clear(brand);
    float box = size * 0.58f, x0 = (size - box) / 2f, y0 = (size - box) / 2f + size * 0.02f;
    using var white = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
    using var ink = new SKPaint { Color = brand, IsAntialias = true, Style = SKPaintStyle.Fill };
    canvas.DrawPath(Bubble(x0, y0, box), white);
    DrawSymbolInside(canvas, x0, y0, box, ink);
    return bmp;
}

// Outline icon: the same symbol in white on a transparent background; the quotation mark and the text
// lines are cut out of the bubble (transparent), which reads better at 32 px than a thin stroke.
static SKBitmap DrawOutline(int size)
{
    var bmp = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
    using (var canvas = new SKCanvas(bmp))
    {
        canvas.Clear(SKColors.Transparent);
        float box = size - 2f, x0 = 1f, y0 = 1.5f;
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var cut = new SKPaint { Color = SKColors.Transparent, BlendMode = SKBlendMode.Clear, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawPath(Bubble(x0, y0, box), white);
        DrawSymbolInside(canvas, x0, y0, box, cut);
    }
    // Teams requires white + transparent only: un-premultiply and pin every visible pixel to pure white,
    // keeping only the anti-aliasing in the alpha channel.
    var unpremul = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
    for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++)
        {
            var a = bmp.GetPixel(x, y).Alpha;
            unpremul.SetPixel(x, y, a == 0 ? new SKColor(0, 0, 0, 0) : new SKColor(255, 255, 255, a));
        }
    bmp.Dispose();
    return unpremul;
}

// A rounded speech bubble in a box of side s at (x, y): body in the top 78%, tail at the bottom left.
static SKPath Bubble(float x, float y, float s)
{
    var p = new SKPath();
    p.AddRoundRect(new SKRect(x, y, x + s, y + s * 0.74f), s * 0.2f, s * 0.2f);
    p.MoveTo(x + s * 0.16f, y + s * 0.6f);
    p.LineTo(x + s * 0.44f, y + s * 0.7f);
    p.QuadTo(x + s * 0.30f, y + s * 0.86f, x + s * 0.10f, y + s * 0.96f);
    p.QuadTo(x + s * 0.19f, y + s * 0.80f, x + s * 0.16f, y + s * 0.6f);
    p.Close();
    return p;
}

// Inside the bubble: an opening quotation mark (two "6" shapes) on the left, three text lines on the right.
static void DrawSymbolInside(SKCanvas canvas, float x, float y, float s, SKPaint paint)
{
    float r = s * 0.075f;
    foreach (var cx in new[] { x + s * 0.22f, x + s * 0.42f })
        DrawQuoteMark(canvas, cx, y + s * 0.44f, r, paint);
    float lx = x + s * 0.60f, lw = s * 0.24f, lh = s * 0.07f;
    foreach (var (ly, w) in new[] { (y + s * 0.20f, lw), (y + s * 0.335f, lw), (y + s * 0.47f, lw * 0.66f) })
        canvas.DrawRoundRect(new SKRect(lx, ly, lx + w, ly + lh), lh / 2, lh / 2, paint);
}

// One "6"-shaped half of an opening quotation mark: a ball with a tail sweeping up and to the right.
static void DrawQuoteMark(SKCanvas canvas, float cx, float cy, float r, SKPaint paint)
{
    canvas.DrawCircle(cx, cy, r, paint);
    using var tail = new SKPath();
    tail.MoveTo(cx - r, cy);
    tail.CubicTo(cx - r * 1.05f, cy - r * 2.0f, cx + r * 0.2f, cy - r * 2.9f, cx + r * 1.25f, cy - r * 3.05f);
    tail.LineTo(cx + r * 1.25f, cy - r * 2.35f);
    tail.CubicTo(cx + r * 0.45f, cy - r * 2.1f, cx - r * 0.05f, cy - r * 1.4f, cx + r * 0.2f, cy - r * 0.6f);
    tail.Close();
    canvas.DrawPath(tail, paint);
}

static void WritePng(string path, SKBitmap bmp)
{
    using var data = bmp.Encode(SKEncodedImageFormat.Png, 100);
    using var fs = File.Create(path);
    data.SaveTo(fs);
    bmp.Dispose();
}
