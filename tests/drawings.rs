//! The bag drawings: a snapshot of each shape at two sizes (as text, and
//! with styles so a lost colour shows), every shape drawn, and every shape
//! staying inside its area at every size.

use lookbook::lookbook::{Detail, Shape, Size};
use lookbook::render;
use lookbook::ui::drawing::{self, Palette, Sketch};
use lookbook::ui::theme::Drawing;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The two sizes every shape is snapshotted at: a detail pane's drawing and
/// a look card's thumbnail.
const LARGE: (u16, u16) = (28, 12);
const SMALL: (u16, u16) = (12, 5);

fn sketch(shape: Option<Shape>) -> Sketch {
    Sketch {
        shape,
        size: Some(Size::Mini),
        palette: Palette::NEUTRAL,
        details: Vec::new(),
    }
}

fn drawn(sketch: &Sketch, (width, height): (u16, u16), style: Drawing) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    drawing::render(sketch, area, &mut buffer, style);
    buffer
}

fn name(shape: Option<Shape>) -> String {
    shape.map_or("generic".into(), |s| {
        s.as_str().replace('-', "_").replace('è', "e")
    })
}

fn every_shape() -> impl Iterator<Item = Option<Shape>> {
    Shape::ALL.iter().copied().map(Some).chain([None])
}

#[test]
fn each_shape_at_two_sizes() {
    for shape in every_shape() {
        let sketch = sketch(shape);
        let large = drawn(&sketch, LARGE, Drawing::HalfBlock);
        let small = drawn(&sketch, SMALL, Drawing::HalfBlock);
        let text = format!("{}\n{}", render::text(&large), render::text(&small));
        insta::assert_snapshot!(format!("shape_{}", name(shape)), text);
        insta::assert_debug_snapshot!(format!("shape_{}_styles", name(shape)), (large, small));
    }
}

#[test]
fn details_colours_and_shading() {
    let lime = Sketch {
        shape: Some(Shape::Tote),
        size: Some(Size::Micro),
        palette: Palette::of(&["lime".into()]),
        details: vec![Detail::Knot],
    };
    let bow = Sketch {
        details: vec![Detail::Bow, Detail::Diamante],
        ..sketch(Some(Shape::Crossbody))
    };
    let pink = Sketch {
        size: None,
        palette: Palette::of(&["bubble gum pink".into()]),
        ..sketch(Some(Shape::Drawstring))
    };
    let vanity = Sketch {
        details: vec![Detail::Patterned],
        ..sketch(Some(Shape::Vanity))
    };
    for (name, sketch) in [
        ("knotted_lime_tote", &lime),
        ("diamante_bow_crossbody", &bow),
        ("pink_drawstring", &pink),
        ("patterned_vanity", &vanity),
    ] {
        let colour = drawn(sketch, LARGE, Drawing::HalfBlock);
        let mono = drawn(sketch, LARGE, Drawing::Shading);
        let text = format!("{}\n{}", render::text(&colour), render::text(&mono));
        insta::assert_snapshot!(format!("detail_{name}"), text);
        insta::assert_debug_snapshot!(format!("detail_{name}_styles"), colour);
    }
}

#[test]
fn every_shape_has_its_own_drawing() {
    let generic = render::text(&drawn(&sketch(None), LARGE, Drawing::HalfBlock));
    let mut seen = vec![generic];
    for &shape in Shape::ALL {
        let text = render::text(&drawn(&sketch(Some(shape)), LARGE, Drawing::HalfBlock));
        assert!(
            text.chars().filter(|c| !c.is_whitespace()).count() > 20,
            "{shape} draws almost nothing:\n{text}"
        );
        assert!(!seen.contains(&text), "{shape} looks like another shape");
        seen.push(text);
    }
}

#[test]
fn sizes_scale_the_drawing() {
    let ink = |size| {
        let sketch = Sketch {
            size: Some(size),
            ..sketch(Some(Shape::TopHandle))
        };
        let text = render::text(&drawn(&sketch, LARGE, Drawing::HalfBlock));
        text.chars().filter(|c| !c.is_whitespace()).count()
    };
    assert!(ink(Size::Nano) < ink(Size::Micro));
    assert!(ink(Size::Micro) < ink(Size::Mini));
}

/// Draws into the middle of a larger buffer filled with a marker, and checks
/// that no cell outside the area changed, at every size from 1x1 to 80x40.
#[test]
fn every_shape_stays_inside_its_area_at_every_size() {
    let everything = Sketch {
        details: Detail::ALL.to_vec(),
        ..sketch(None)
    };
    let outside = Buffer::filled(Rect::new(0, 0, 84, 44), marker());
    for style in [Drawing::HalfBlock, Drawing::Shading] {
        for shape in every_shape() {
            let sketch = Sketch {
                shape,
                ..everything.clone()
            };
            for width in 1..=80 {
                for height in 1..=40 {
                    let area = Rect::new(2, 2, width, height);
                    let mut buffer = outside.clone();
                    drawing::render(&sketch, area, &mut buffer, style);
                    assert_untouched_outside(&buffer, &outside, area);
                }
            }
        }
    }
}

fn marker() -> ratatui::buffer::Cell {
    let mut cell = ratatui::buffer::Cell::default();
    cell.set_char('x');
    cell
}

fn assert_untouched_outside(buffer: &Buffer, before: &Buffer, area: Rect) {
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            if area.contains((x, y).into()) {
                continue;
            }
            assert_eq!(
                buffer[(x, y)],
                before[(x, y)],
                "cell {x},{y} outside {area:?} was drawn on"
            );
        }
    }
}

#[test]
fn an_area_too_small_is_left_alone() {
    let area = Rect::new(0, 0, drawing::MIN_WIDTH - 1, 10);
    let mut buffer = Buffer::empty(area);
    drawing::render(&sketch(None), area, &mut buffer, Drawing::HalfBlock);
    assert_eq!(buffer, Buffer::empty(area));
}

#[test]
fn a_bag_without_a_colour_is_drawn_in_the_neutral_ink() {
    use lookbook::lookbook::bundled;
    let lookbook = bundled();
    for bag in &lookbook.bags {
        let palette = Sketch::of_bag(bag).palette;
        assert_eq!(
            palette == Palette::NEUTRAL,
            bag.colours.is_empty(),
            "{}",
            bag.id
        );
    }
}

/// Without colour (NO_COLOR, the monochrome theme) a bag is drawn in tones
/// of the terminal's own foreground, which contrasts with its background by
/// design: a white bag on a light terminal, or a black one on a dark, is
/// drawn exactly as any other, and no cell takes the bag's colour.
#[test]
fn without_colour_every_named_colour_draws_alike_in_the_terminal_s_ink() {
    let grey = drawn(&sketch(Some(Shape::Tote)), LARGE, Drawing::Shading);
    for (name, _) in lookbook::lookbook::colours::NAMED {
        let mut coloured = sketch(Some(Shape::Tote));
        coloured.palette = Palette::of(&[name.to_string()]);
        let buffer = drawn(&coloured, LARGE, Drawing::Shading);
        assert_eq!(buffer, grey, "{name} draws as every other bag");
    }
    assert!(
        grey.content()
            .iter()
            .all(|cell| cell.fg == ratatui::style::Color::Reset),
        "the terminal's own ink"
    );
}
