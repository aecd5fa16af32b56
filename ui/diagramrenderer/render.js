// Runs in the renderer's hidden page: mermaid draws each diagram, then the SVG is made plain
// enough for QSvgRenderer (SVG Tiny 1.2): computed styles become attributes, arrowheads
// become polygons (Qt before 6.7 draws no <marker>), each line of a label becomes a <text>
// where the browser placed it, links and images go, and so does the <style> block.
'use strict';

let counter = 0;

function configure(dark) {
    mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict', // no click handlers, no HTML in labels
        theme: dark ? 'dark' : 'default',
        htmlLabels: false, // SVG text, no foreignObject
        flowchart: { htmlLabels: false },
        fontFamily: 'sans-serif',
    });
}

const styleProperties = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
    'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor'];

// "rgba(r, g, b, a)" → ["rgb(r, g, b)", a]: SVG Tiny takes opacity separately.
function splitAlpha(value) {
    const m = /^rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/.exec(value);
    return m ? [`rgb(${m[1]}, ${m[2]}, ${m[3]})`, m[4]] : [value, null];
}

function arrowhead(shape, atEnd) {
    const length = shape.getTotalLength();
    if (!(length > 0))
        return null;
    const tip = shape.getPointAtLength(atEnd ? length : 0);
    const back = shape.getPointAtLength(atEnd ? Math.max(0, length - 2) : Math.min(length, 2));
    const angle = Math.atan2(tip.y - back.y, tip.x - back.x);
    const size = 8, half = 4;
    const bx = tip.x - size * Math.cos(angle), by = tip.y - size * Math.sin(angle);
    const nx = -Math.sin(angle) * half, ny = Math.cos(angle) * half;
    const head = document.createElementNS('http://www.w3.org/2000/svg', 'polygon');
    head.setAttribute('points', `${tip.x},${tip.y} ${bx + nx},${by + ny} ${bx - nx},${by - ny}`);
    const colour = getComputedStyle(shape).stroke;
    head.setAttribute('style', `fill: ${colour}; stroke: none`);
    return head;
}

// Without HTML labels mermaid leaves the entities of its escapes ("#quot;" → "&quot;") in
// the text as written; read them as the characters they stand for. A textarea's value is
// text only: nothing in it is parsed as markup or run.
function decodeEntities(svg) {
    const decoder = document.createElement('textarea');
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (/&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(node.data)) {
            decoder.innerHTML = node.data;
            node.data = decoder.value;
        }
    }
}

// QtSvg places text by x and y alone (no em units, no nested tspans, no baseline shifts):
// each line of a label becomes a <text> of its own, where the browser laid that line out.
function placeText(svg) {
    for (const text of Array.from(svg.querySelectorAll('text'))) {
        const rows = Array.from(text.children).filter(child => child.tagName === 'tspan');
        const anchor = text.getAttribute('text-anchor') || 'start';
        const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
        if (text.hasAttribute('transform'))
            group.setAttribute('transform', text.getAttribute('transform'));
        for (const row of rows.length ? rows : [text]) {
            const count = row.getNumberOfChars();
            const words = row.textContent.trim();
            if (count === 0 || words === '')
                continue;
            const start = row.getStartPositionOfChar(0);
            const end = row.getEndPositionOfChar(count - 1);
            const x = anchor === 'middle' ? (start.x + end.x) / 2 : anchor === 'end' ? end.x : start.x;
            const line = document.createElementNS('http://www.w3.org/2000/svg', 'text');
            for (const attribute of Array.from(text.attributes)) {
                if (styleProperties.includes(attribute.name))
                    line.setAttribute(attribute.name, attribute.value);
            }
            line.setAttribute('x', String(Math.round(x * 100) / 100));
            line.setAttribute('y', String(Math.round(start.y * 100) / 100));
            line.textContent = words;
            group.appendChild(line);
        }
        text.replaceWith(group);
    }
}

// Attributes a drawing does not need (mermaid's data, classes, ids of removed parts).
function tidy(svg) {
    for (const element of svg.querySelectorAll('*')) {
        for (const attribute of Array.from(element.attributes)) {
            if (attribute.name.startsWith('data-') || attribute.name === 'class')
                element.removeAttribute(attribute.name);
        }
    }
}

function flatten(svgText) {
    const holder = document.getElementById('work');
    holder.innerHTML = svgText;
    const svg = holder.querySelector('svg');
    decodeEntities(svg);
    // Links and images would be requests in a viewer; a drawing needs neither.
    svg.querySelectorAll('image, script, foreignObject').forEach(node => node.remove());
    for (const link of Array.from(svg.querySelectorAll('a')))
        link.replaceWith(...link.childNodes);
    for (const shape of svg.querySelectorAll('[marker-end], [marker-start]')) {
        for (const [attribute, atEnd] of [['marker-end', true], ['marker-start', false]]) {
            if (!shape.hasAttribute(attribute) || typeof shape.getTotalLength !== 'function')
                continue;
            const head = arrowhead(shape, atEnd);
            if (head)
                shape.parentNode.insertBefore(head, shape.nextSibling);
            shape.removeAttribute(attribute);
        }
    }
    for (const element of svg.querySelectorAll('*')) {
        if (element.closest('style, defs, marker'))
            continue;
        const computed = getComputedStyle(element);
        for (const property of styleProperties) {
            const value = computed.getPropertyValue(property);
            if (!value)
                continue;
            // A zero dash pattern means solid, but QtSvg would draw nothing.
            if (property === 'stroke-dasharray' && /^(none|0(px)?(,?\s*0(px)?)*)$/.test(value.trim()))
                continue;
            const [colour, alpha] = splitAlpha(value);
            if (alpha !== null && (property === 'fill' || property === 'stroke')) {
                element.setAttribute(property, Number(alpha) === 0 ? 'none' : colour);
                element.setAttribute(`${property}-opacity`, alpha);
            } else {
                element.setAttribute(property, colour);
            }
        }
        element.removeAttribute('style');
    }
    placeText(svg);
    svg.querySelectorAll('style, marker').forEach(node => node.remove());
    tidy(svg);
    const box = svg.viewBox.baseVal;
    if (box && box.width > 0) {
        svg.setAttribute('width', String(Math.ceil(box.width)));
        svg.setAttribute('height', String(Math.ceil(box.height)));
    }
    svg.removeAttribute('style');
    const out = new XMLSerializer().serializeToString(svg);
    holder.textContent = '';
    return out;
}

// What mermaid leaves behind after a failed render (its error drawing).
function sweep() {
    for (const node of Array.from(document.body.children)) {
        if (node.id !== 'work')
            node.remove();
    }
}

new QWebChannel(qt.webChannelTransport, channel => {
    const bridge = channel.objects.bridge;
    bridge.renderRequested.connect(async (id, source, dark) => {
        try {
            configure(dark);
            const { svg } = await mermaid.render(`opsflow-diagram-${++counter}`, source);
            bridge.finish(id, flatten(svg), '');
        } catch (error) {
            bridge.finish(id, '', String((error && error.message) || error));
        } finally {
            sweep();
        }
    });
    bridge.pageReady();
});
