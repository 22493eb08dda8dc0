export const [[ component ]] = ({color = [[ color | js ]], middleText = "", spacing = [[ default_spacing | js ]], style = {}, className = "", ...rest}) => {
  const spacingPresets = {
[% for preset in spacing %]
    [[ preset.name ]]: {
      margin: [[ preset.margin | js ]]
    }[[ "," if not loop.last ]]
[% endfor %]
  };
  const spacingStyle = spacingPresets[spacing] || spacingPresets.[[ default_spacing ]];
  return <div role="separator" aria-orientation="horizontal" className={className} style={{
    display: "flex",
    alignItems: "center",
    ...spacingStyle,
    fontSize: style?.fontSize || "16px",
    height: "fit-content",
    ...style
  }} {...rest}>
      <span style={{
    marginRight: [[ gap | js ]],
    opacity: 0.2
  }}>
        <Icon icon=[[ logo | attr ]] />
      </span>
      <div style={{
    flex: 1,
    height: "1px",
    background: [[ line_color | js ]],
    opacity: 0.4
  }}></div>
      {middleText && <>
          <Icon icon="circle" size={2} />
          <span style={{
    margin: "0 8px",
    fontWeight: "bold",
    color: color,
    opacity: 0.7
  }}>
            {middleText}
          </span>
          <Icon icon="circle" size={2} />
        </>}
      <div style={{
    flex: 1,
    height: "1px",
    background: [[ line_color | js ]],
    opacity: 0.4
  }}></div>
      <span style={{
    marginLeft: [[ gap | js ]],
    opacity: 0.2
  }}>
        <span style={{
    display: "inline-block",
    transform: "scaleX(-1)"
  }}>
          <Icon icon=[[ logo | attr ]] />
        </span>
      </span>
    </div>;
};
