// Interactive charts: ECharts (static/vendor, from npm) replaces the server-drawn SVG when present; a click on a
// bar or slice lists the projects behind it. No inline script (the pages' CSP forbids it): data comes from the
// JSON block beside each chart.
(function () {
  "use strict";

  function text(tag, content, cls) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }

  function drill(box, item, unit) {
    box.replaceChildren();
    box.appendChild(text("h3", item.label + "：" + item.value + unit + "，" + (item.more ? "列出前 " : "") +
                         item.projects.length + " 个项目"));
    if (!item.projects.length) {
      box.appendChild(text("p", "没有项目。", "hint"));
      return;
    }
    var list = document.createElement("ul");
    list.className = "drill-projects";
    item.projects.forEach(function (p) {
      var li = document.createElement("li");
      var a = text("a", p.name);
      a.href = p.url;
      li.appendChild(a);
      if (p.note) li.appendChild(text("small", " " + p.note));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function draw(figure) {
    var data = JSON.parse(document.getElementById(figure.dataset.chart).textContent);
    var box = figure.querySelector(".drill");
    var svg = figure.querySelector("svg.chart");
    var pick = function (index) { if (data.items[index]) drill(box, data.items[index], data.unit); };
    if (svg) {
      svg.addEventListener("click", function (e) {
        var index = e.target.getAttribute && e.target.getAttribute("data-index");
        if (index !== null) pick(Number(index));
      });
    }
    if (!window.echarts) return;
    var host = document.createElement("div");
    host.className = "echart";
    host.style.height = (data.kind === "pie" ? 280 : 70 + 34 * data.items.length) + "px";
    figure.insertBefore(host, figure.firstChild);
    if (svg) svg.style.display = "none";
    var chart = window.echarts.init(host, null, {renderer: "canvas", locale: "ZH"});
    var values = data.items.map(function (i) {
      return {name: i.label, value: Number(i.value), itemStyle: {color: i.colour}};
    });
    var option = {
      title: {text: data.title, textStyle: {fontSize: 14}},
      tooltip: {valueFormatter: function (v) { return v + data.unit; }},
      animation: false
    };
    if (data.kind === "pie") {
      option.series = [{type: "pie", radius: ["30%", "65%"], top: 30, data: values,
        label: {formatter: "{b}：{c}" + data.unit}}];
    } else {
      option.grid = {left: 10, right: 60, top: 36, bottom: 10, containLabel: true};
      var whole = data.items.every(function (i) { return Number(i.value) % 1 === 0; });
      option.xAxis = {type: "value", name: data.unit, minInterval: whole ? 1 : 0};
      option.yAxis = {type: "category", inverse: true, data: data.items.map(function (i) { return i.label; })};
      option.series = [{type: "bar", data: values, barMaxWidth: 24,
        label: {show: true, position: "right", formatter: "{c}" + data.unit}}];
    }
    chart.setOption(option);
    chart.on("click", function (p) { pick(p.dataIndex); });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function start() {
    document.querySelectorAll("figure.chart-box[data-chart]").forEach(draw);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
